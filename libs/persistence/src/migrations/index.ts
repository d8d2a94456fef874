import { CommissionReadModel1764100000000 } from './1764100000000-CommissionReadModel';
import { NotificationOutbox1764200000000 } from './1764200000000-NotificationOutbox';
import { ViewInReadModel1764300000000 } from './1764300000000-ViewInReadModel';
import { SealedBids1764400000000 } from './1764400000000-SealedBids';

/** In order; listed explicitly so the compiled build and ts-jest find the same set. */
export const MIGRATIONS = [
  CommissionReadModel1764100000000,
  NotificationOutbox1764200000000,
  ViewInReadModel1764300000000,
  SealedBids1764400000000,
];
