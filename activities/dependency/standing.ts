import { CommissionRecord } from '@app/persistence';
import type { GateStanding } from '@app/contracts';
import type { DataSource } from 'typeorm';

/**
 * Where a commission stands, from the read model: asked by a dependent whose registration signal
 * could not be delivered because the commission it depends on has already ended (its workflow
 * projects everything before it ends, so the read model holds its final state). Null if unknown.
 */
export async function standingOf(dataSource: DataSource, commissionId: string): Promise<GateStanding | null> {
  const record = await dataSource.getRepository(CommissionRecord).findOneBy({ id: commissionId });
  const view = record?.view;
  if (!view) return null;
  return {
    stage: view.stage,
    gatesMet: view.gatesMet ?? {},
    cancellation: view.cancellation ? { reason: view.cancellation.reason } : null,
  };
}
