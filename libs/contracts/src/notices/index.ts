export * from './termination';
export * from './published';
export * from './ocds';
