import type { CommissionRecord } from '@app/persistence';

/** One row of a commission list: what a list needs, never the whole view. */
export function presentListItem(c: CommissionRecord) {
  return {
    id: c.id,
    title: c.title,
    programmeId: c.programmeId,
    regime: c.regime,
    stage: c.stage,
    version: c.version,
    specificationVersion: c.specificationVersion,
    keyDates: c.keyDates,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
