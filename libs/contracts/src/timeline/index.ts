export * from './timeline';
export * from './plan';
export * from './upstream';
