import { CommissionReadModel1764100000000 } from './1764100000000-CommissionReadModel';

/** In order; listed explicitly so the bundle-free build and ts-jest find the same set. */
export const MIGRATIONS = [CommissionReadModel1764100000000];
