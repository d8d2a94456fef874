export * from './commands';
export * from './messages';
export * from './reports';
