export * from './client';
export * from './temporal.module';
export * from './run-id-hints';
