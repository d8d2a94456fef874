import { STATE_LIMITS, TEXT_LIMITS, commissionWorkflowId } from '@app/contracts';
import { drive } from '../support/drive';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

// Four UTF-8 bytes a character: the heaviest text the limits allow.
const heavy = (n: number) => '𝒜'.repeat(n);

/**
 * A commission filled to every limit of its state still reads, continues as new and cancels: the
 * state stays far below Temporal's 4 MB message limit, and each refusal names the limit.
 */
describe('a commission at every limit of its state', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  it('refuses past each limit with limit-reached, and still reads, continues as new and cancels', async () => {
    const c = await drive(world).opened({ factory: CommissionFactory.withPanel(2).unanimous() });
    const officer = c.as(people.officer);
    const refusedAt = async (
      res: { status: number; body: { code?: string; detail?: string } },
      limit: string,
    ) => {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('limit-reached');
      expect(res.body.detail).toContain(limit);
    };

    // Sign-off rounds: each sent back with the longest comment, then revised.
    for (let round = 1; round <= STATE_LIMITS.signOffRounds; round += 1) {
      await officer.put('/specification', { content: `# Version ${round}` }).expect(200);
      await officer.post('/specification/submit', { respondBy: inOneHour() }).expect(200);
      await c
        .as(people.wood)
        .post('/sign-offs', {
          decision: 'request-changes',
          specificationVersion: round,
          comment: heavy(TEXT_LIMITS.comment),
        })
        .expect(200);
    }
    await officer.put('/specification', { content: '# One more' }).expect(200);
    await refusedAt(await officer.post('/specification/submit', { respondBy: inOneHour() }), 'signOffRounds');

    // Specification versions, up to their limit.
    const versions = (await c.view()).specification.versions.length;
    for (let v = versions + 1; v <= STATE_LIMITS.specificationVersions; v += 1) {
      await officer.put('/specification', { content: `# Draft ${v}` }).expect(200);
    }
    await refusedAt(await officer.put('/specification', { content: '# Too many' }), 'specificationVersions');

    // Conflicts of interest and deadline moves, each with the longest reason.
    for (let i = 0; i < STATE_LIMITS.conflicts; i += 1) {
      await c
        .as(people.wood)
        .post('/conflicts', { supplier: `Supplier ${i}`, reason: heavy(TEXT_LIMITS.reason) })
        .expect(201);
    }
    await refusedAt(
      await c.as(people.wood).post('/conflicts', { supplier: 'One more', reason: 'x' }),
      'conflicts',
    );
    const finalDue = Date.parse((await c.view()).milestones.finalReportDueAt);
    for (let i = 0; i < STATE_LIMITS.deadlineMoves; i += 1) {
      const dueAt = new Date(finalDue + (i + 1) * 60_000).toISOString();
      await officer
        .post('/deadlines', { milestone: 'final-report', dueAt, reason: heavy(TEXT_LIMITS.reason) })
        .expect(200);
    }
    await refusedAt(
      await officer.post('/deadlines', {
        milestone: 'final-report',
        dueAt: new Date(finalDue + 3600_000).toISOString(),
        reason: 'once more',
      }),
      'deadlineMoves',
    );

    // It still reads, from the read model and from the workflow, and is well under the limit.
    const view = await c.view();
    const bytes = Buffer.byteLength(JSON.stringify(view));
    expect(bytes).toBeLessThan(1_000_000);
    const handle = world.client.workflow.getHandle(commissionWorkflowId(c.id));
    const runs = new Set<string>();
    for await (const wf of world.client.workflow.list({ query: `WorkflowId = '${handle.workflowId}'` })) {
      runs.add(wf.runId);
    }
    // The test server suggests continue-as-new after 120 events: a commission this busy has done it.
    expect(runs.size).toBeGreaterThan(1);
    await c.as(people.observer).get('/history').expect(200);

    await officer.post('/cancel', { reason: heavy(TEXT_LIMITS.reason) }).expect(200);
    expect((await c.view()).stage).toBe('cancelled');
    console.log(`state at every limit: ${bytes} bytes of JSON over ${runs.size} runs`);
  }, 180_000);
});
