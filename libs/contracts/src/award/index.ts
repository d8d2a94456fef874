export * from './award';
export * from './commands';
export * from './messages';
export * from './scoring';
