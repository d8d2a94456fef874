export * from './data-source';
export * from './ensure-database';
export * from './entities';
export * from './migrate';
export * from './prepared-query';
