export * from './gates';
export * from './dependents';
export * from './commands';
export * from './messages';
export * from './cycles';
export * from './programme-graph';
