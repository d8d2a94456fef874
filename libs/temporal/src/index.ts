export * from './client';
export * from './temporal.module';
