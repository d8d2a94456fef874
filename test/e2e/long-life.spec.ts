import { commissionWorkflowId } from '@app/contracts';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';
import { drive } from '../support/drive';

/**
 * The test server suggests continue-as-new after 120 history events (see scripts/test), so a
 * commission with many events rolls over to new runs here exactly as a year-long one would.
 */
describe('a commission with a long history', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  it('continues as new without losing state, pending approvals or the audit sequence', async () => {
    const c = await drive(world)
      .opened({ factory: CommissionFactory.withPanel(3).quorum(2, true) })
      .drafted({ content: '# v1' })
      .submitted();
    const officer = world.as(people.officer);
    const body = { id: c.id };
    const base = c.path();
    const handle = world.client.workflow.getHandle(commissionWorkflowId(body.id));
    const firstRun = (await handle.describe()).runId;
    await world
      .as(people.wood)
      .post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
      .expect(200);

    const declarations = 30;
    for (let i = 0; i < declarations; i++) {
      await world
        .as(people.trowler)
        .post(`${base}/conflicts`, { supplier: `Supplier ${i}`, reason: 'declared for the test' })
        .expect(201);
    }

    const rolledOver = (await handle.describe()).runId;
    expect(rolledOver).not.toBe(firstRun);

    const view = await officer.get(base).expect(200);
    expect(view.body.conflicts).toHaveLength(declarations);
    expect(view.body.signOff.tally).toMatchObject({ approvals: 1 });

    // The approval given before the roll-over still counts towards the rule.
    const chair = await world
      .as(people.chair)
      .post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
      .expect(200);
    expect(chair.body.stage).toBe('signed-off');

    const history = await officer.get(`${base}/history`).expect(200);
    const seqs = history.body.events.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 5 + declarations }, (_, i) => i + 1));
    expect(chair.body.version).toBe(5 + declarations);
  });
});
