import {
  CommissionNextDueAttribute,
  CommissionStageAttribute,
  CommissionTitleAttribute,
  commissionWorkflowId,
} from '@app/contracts';
import { drive } from '../support/drive';
import { CommissionFactory } from '../support/factories';
import { startWorld, type World } from '../support/world';

/**
 * The Temporal Web UI lists commissions by their search attributes. A commission opened through the
 * API starts with them, so its first task upserts nothing; each later change of stage or next due
 * date upserts, as before.
 */
describe("a commission's search attributes", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const upserts = async (workflowId: string) => {
    const history = await world.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length;
  };

  it('are set when it opens, without an upsert, and upserted when its stage changes', async () => {
    const factory = CommissionFactory.withPanel(3)
      .unanimous()
      .with({
        milestones: {
          interimReportDueAt: '2038-06-30T17:00:00+01:00',
          finalReportDueAt: '2038-12-17T17:00:00Z',
        },
      });
    const c = await drive(world).opened({ factory });
    const handle = world.client.workflow.getHandle(commissionWorkflowId(c.id));

    const opened = (await handle.describe()).typedSearchAttributes;
    expect(opened.get(CommissionStageAttribute)).toBe('drafting');
    expect(opened.get(CommissionTitleAttribute)).toBe(factory.build().title);
    expect(opened.get(CommissionNextDueAttribute)?.toISOString()).toBe('2038-06-30T16:00:00.000Z');
    expect(await upserts(handle.workflowId)).toBe(0);

    await drive(world).resume(c.id).drafted().submitted();
    expect((await handle.describe()).typedSearchAttributes.get(CommissionStageAttribute)).toBe(
      'panel-review',
    );
    expect(await upserts(handle.workflowId)).toBe(1);
  });
});
