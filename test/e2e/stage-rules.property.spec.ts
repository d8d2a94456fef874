import fc from 'fast-check';
import { ACTIONS, type Action, type Stage } from '@app/contracts';
import { CommissionFactory, inOneHour } from '../support/factories';
import { ACTING_CAST, people, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

/** Every transition the stage rules allow for the actions built so far. */
const LEGAL: ReadonlySet<string> = new Set([
  'drafting>drafting',
  'drafting>panel-review',
  'panel-review>panel-review',
  'panel-review>drafting',
  'panel-review>signed-off',
  'drafting>cancelled',
  'panel-review>cancelled',
  'signed-off>cancelled',
  'signed-off>signed-off',
  'signed-off>tendering',
  'tendering>tendering',
  'tendering>cancelled',
]);

const cast = ACTING_CAST;

type Step = { action: Action; who: TestUser; approve: boolean; versionDelta: number; text: number };

const step = fc.record({
  action: fc.constantFrom(...ACTIONS.filter((a) => a !== 'move-deadline')),
  who: fc.constantFrom(...cast),
  approve: fc.boolean(),
  versionDelta: fc.constantFrom(0, 0, 0, -1, 1),
  text: fc.integer({ min: 0, max: 3 }),
});

describe('random actions by random roles (property)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  function send(id: string, s: Step, currentVersion: number | null) {
    const caller = world.as(s.who);
    const base = `/v1/commissions/${id}`;
    switch (s.action) {
      case 'edit-specification':
        return caller.put(`${base}/specification`, { content: `# text ${s.text}` });
      case 'submit-specification':
        return caller.post(`${base}/specification/submit`, { respondBy: inOneHour() });
      case 'sign-off':
        return caller.post(`${base}/sign-offs`, {
          decision: s.approve ? 'approve' : 'request-changes',
          specificationVersion: Math.max(1, (currentVersion ?? 1) + s.versionDelta),
          comment: 'a comment',
        });
      case 'declare-conflict':
        return caller.post(`${base}/conflicts`, { supplier: `Supplier ${s.text}`, reason: 'r' });
      case 'cancel':
        return caller.post(`${base}/cancel`, { reason: 'property test' });
      // The close is an hour away: these runs never reach it, so the tender stays open.
      case 'publish-tender':
        return caller.post(`${base}/tender`, {
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          clarificationsCloseAt: new Date(Date.now() + 1_800_000).toISOString(),
          criteria: [
            { name: 'Quality', kind: 'quality', weight: 60 + s.text },
            { name: 'Price', kind: 'price', weight: 40 - s.text },
          ],
        });
      case 'ask-clarification':
        return caller.post(`${base}/clarifications`, { question: `Question ${s.text}?` });
      case 'answer-clarification':
        return caller.post(`${base}/clarifications/00000000-0000-4000-8000-00000000000${s.text}/answer`, {
          answer: 'An answer',
        });
      case 'submit-bid':
        return caller.post(`${base}/bids`, { price: 1000 + s.text, proposal: `Proposal ${s.text}` });
      case 'reopen':
        return caller.post(`${base}/reopen`, { reason: 'property test' });
      // The close is never reached here, so these are refused by stage (or role): still checked.
      case 'score-bid':
        return caller.post(`${base}/evaluations`, {
          bidId: '00000000-0000-4000-8000-000000000101',
          scores: [{ criterion: 'Quality', score: 50 + s.text, comment: 'a score' }],
        });
      case 'award':
        return caller.post(`${base}/award`, {
          bidId: '00000000-0000-4000-8000-000000000101',
          rationale: 'the best',
        });
      case 'record-challenge':
        return caller.post(`${base}/challenges`, { reason: 'a claim' });
      case 'lift-challenge':
        return caller.post(`${base}/challenges/00000000-0000-4000-8000-000000000201/lift`, {
          reason: 'withdrawn',
        });
      case 'publish-contract-notice':
        return caller.post(`${base}/contract/notice`, {});
      case 'drop-dependency':
        return caller.post(`${base}/dependency/drop`, { reason: 'property test' });
      // Never in delivery here either: refused by stage, role or visibility.
      case 'submit-report':
        return caller.post(`${base}/reports`, { kind: 'interim', content: `# Report ${s.text}` });
      case 'review-report':
        return caller.post(`${base}/reports/00000000-0000-4000-8000-000000000301/review`, {
          decision: s.approve ? 'accept' : 'revise',
          comments: 'a comment',
        });
      default:
        throw new Error(`no request for ${s.action}`);
    }
  }

  it('never breaks the stage rules and never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(step, { minLength: 1, maxLength: 10 }),
        async (unanimous, steps) => {
          const factory = unanimous
            ? CommissionFactory.withPanel(3).unanimous().with({ estimatedValue: 50_000 })
            : CommissionFactory.withPanel(3).quorum(2, true).with({ estimatedValue: 50_000 });
          const created = await world.as(people.officer).post('/v1/commissions', factory.build());
          expect(created.status).toBe(201);
          const id: string = created.body.id;
          for (const s of steps) {
            const before = await world.as(s.who).get(`/v1/commissions/${id}`);
            const known = before.status === 200;
            const res = await send(id, s, known ? (before.body.specification?.currentVersion ?? null) : null);
            expect(res.status).toBeLessThan(500);
            const after = await world.as(people.observer).get(`/v1/commissions/${id}`).expect(200);
            const from: Stage = (
              await world.as(people.observer).get(`/v1/commissions/${id}/history`)
            ).body.events.at(-1).fromStage;
            if (res.status >= 400) {
              expect([400, 403, 404, 409]).toContain(res.status);
              expect(res.headers['content-type']).toMatch(/problem\+json/);
              continue;
            }
            if (known && !before.body.allowedActions.includes(s.action)) {
              // Only an exact repeat of an earlier sign-off is accepted when not allowed, and it changes nothing.
              expect(s.action).toBe('sign-off');
              expect(after.body.version).toBe(before.body.version);
            }
            if (known && after.body.version !== before.body.version) {
              expect(LEGAL.has(`${from}>${after.body.stage}`)).toBe(true);
            }
          }
          const final = await world.as(people.observer).get(`/v1/commissions/${id}/history`).expect(200);
          expect(final.body.events.map((e: { seq: number }) => e.seq)).toEqual(
            Array.from({ length: final.body.version }, (_, i) => i + 1),
          );
        },
      ),
      { numRuns: 12 },
    );
  });
});
