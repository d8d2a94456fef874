import { ACTIONS, refusalFor, viewFor, type Action, type Actor, type Stage } from '@app/contracts';
import { drive, type CommissionBody, type Driven, type Scenario } from '../support/drive';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

/**
 * Every caller × action × stage, expecting exactly what the rules in contracts say: refused for
 * role or membership (403) before stage (409), otherwise accepted. Nothing here restates a rule:
 * the expectation of each cell is `refusalFor` itself.
 */

const admin: TestUser = {
  userId: 'admin.one',
  name: 'Ada Admin',
  email: 'admin.one@example.gov.uk',
  roles: ['admin'],
};

/** Everyone who could try: members of this commission, members of another one, and the rest. */
const CALLERS: Record<string, TestUser> = {
  'officer of this commission': people.officer,
  'chair of this commission': people.chair,
  'panel member of this commission': people.wood,
  'officer of another commission': people.otherOfficer,
  'panel member of another commission': people.outsider,
  supplier: people.supplier,
  observer: people.observer,
  admin,
};

const STAGES: Record<string, (s: Scenario) => Scenario> = {
  drafting: (s) => s.drafted(),
  'panel-review': (s) => s.submitted(),
  'signed-off': (s) => s.submitted().signedOff(),
  cancelled: (s) => s.cancelled(),
};

function actorOf(u: TestUser): Actor {
  return { userId: u.userId, name: u.name, email: u.email, roles: u.roles };
}

/** A request for each action that would be accepted if the caller and the stage allowed it. */
function attempt(c: Driven, who: TestUser, action: Action, view: CommissionBody) {
  const as = c.as(who);
  switch (action) {
    case 'edit-specification':
      return as.put('/specification', { content: `# Matrix\n\n${who.userId} writes.` });
    case 'submit-specification':
      return as.post('/specification/submit', { respondBy: inOneHour() });
    case 'sign-off':
      // A request for changes: never an exact repeat of an approval given while driving the stage.
      return as.post('/sign-offs', {
        decision: 'request-changes',
        specificationVersion: view.specification.currentVersion ?? 1,
        comment: 'Matrix: say more.',
      });
    case 'declare-conflict':
      return as.post('/conflicts', { supplier: 'Acme Research', reason: 'Matrix: a former employer.' });
    case 'move-deadline':
      return as.post('/deadlines', {
        milestone: 'final-report',
        dueAt: '2038-10-29T17:00:00Z',
        reason: 'Matrix: more time.',
      });
    case 'cancel':
      return as.post('/cancel', { reason: 'Matrix: no longer needed.' });
    case 'publish-tender': {
      const closesAt = new Date(Date.now() + 40 * 86_400_000).toISOString();
      return as.post('/tender', {
        closesAt,
        clarificationsCloseAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        criteria: [
          { name: 'Quality', kind: 'quality', weight: 70 },
          { name: 'Price', kind: 'price', weight: 30 },
        ],
      });
    }
    case 'ask-clarification':
      return as.post('/clarifications', { question: 'Matrix: may we ask?' });
    case 'answer-clarification':
      return as.post('/clarifications/00000000-0000-4000-8000-000000000001/answer', {
        answer: 'Matrix: yes.',
      });
    case 'submit-bid':
      return as.post('/bids', { price: 1000, proposal: 'Matrix: our bid.' });
    case 'reopen':
      return as.post('/reopen', { reason: 'Matrix: try again.' });
    case 'score-bid':
      return as.post('/evaluations', {
        bidId: '00000000-0000-4000-8000-000000000002',
        scores: [{ criterion: 'Quality', score: 50, comment: 'Matrix: fair.' }],
      });
    case 'award':
      return as.post('/award', { bidId: '00000000-0000-4000-8000-000000000002', rationale: 'Matrix: best.' });
    case 'record-challenge':
      return as.post('/challenges', { reason: 'Matrix: a claim was issued.' });
    case 'publish-contract-notice':
      return as.post('/contract/notice', {});
    case 'submit-report':
      return as.post('/reports', { kind: 'interim', content: '# Matrix\n\nOur interim report.' });
    case 'review-report':
      return as.post('/reports/00000000-0000-4000-8000-000000000004/review', {
        decision: 'accept',
        comments: 'Matrix: fine.',
      });
    case 'lift-challenge':
      return as.post('/challenges/00000000-0000-4000-8000-000000000003/lift', { reason: 'Matrix: settled.' });
    case 'drop-dependency':
      return as.post('/dependency/drop', { reason: 'Matrix: no longer needed.' });
  }
}

const STATUS = { forbidden: 403, 'wrong-stage': 409 } as const;

describe('authorisation matrix generated from ACTION_RULES', () => {
  let world: World;
  let other: string;
  beforeAll(async () => {
    world = await startWorld();
    // The callers "of another commission" are members there: officer and panel member.
    ({ id: other } = await drive(world).opened({
      by: people.otherOfficer,
      factory: CommissionFactory.withPanel(1).with({
        panel: [{ userId: people.outsider.userId, name: people.outsider.name, email: people.outsider.email }],
      }),
    }));
  });
  afterAll(() => world.stop());

  let cells = 0;
  afterAll(() => {
    console.log(`authorisation matrix: ${cells} cells checked`);
  });

  describe.each(Object.keys(STAGES))('in stage %s', (stageName) => {
    const stage = stageName as Stage;
    const reach = STAGES[stageName];

    it('refuses every caller the rules refuse, with 403 before 409, and changes nothing', async () => {
      const c = await reach(drive(world).opened());
      const before = await c.view();
      expect(before.stage).toBe(stage);
      const seen: unknown[] = [];
      const expected: unknown[] = [];
      for (const [callerName, who] of Object.entries(CALLERS)) {
        for (const action of ACTIONS) {
          const refusal = refusalFor(action, stage, actorOf(who), before);
          if (refusal === null) continue;
          const res = await attempt(c, who, action, before);
          cells++;
          const problem = /application\/problem\+json/.test(res.headers['content-type'] ?? '');
          // A commission the caller may not see (READ_RULES) is a 404 before any rule is named,
          // once the endpoint admits the caller's role (a supplier with no contract here is one).
          const hidden = viewFor(before, actorOf(who)) === null;
          const namedAfterLooking =
            refusal.kind === 'wrong-stage' || refusal.code === 'not-the-contracted-supplier';
          const namesStage = hidden || refusal.kind === 'forbidden' || res.body.stage === stage;
          seen.push({ callerName, action, status: res.status, problem, namesStage });
          expected.push({
            callerName,
            action,
            status: hidden && namedAfterLooking ? 404 : STATUS[refusal.kind],
            problem: true,
            namesStage: true,
          });
        }
      }
      // Every cell at once, so one run shows every disagreement.
      expect(seen).toEqual(expected);
      const after = await c.view();
      expect(after.version).toBe(before.version);
      expect(after.stage).toBe(stage);
    });

    it('accepts every caller the rules accept (each on a commission of its own)', async () => {
      const probe = await (await reach(drive(world).opened())).view();
      const allowed = Object.entries(CALLERS).flatMap(([callerName, who]) =>
        ACTIONS.filter((action) => refusalFor(action, stage, actorOf(who), probe) === null).map((action) => ({
          callerName,
          who,
          action,
        })),
      );
      let tried = 0;
      for (const { callerName, who, action } of allowed) {
        // Dropping a dependency needs one to drop: that commission waits on the other one's gate.
        const dependent = CommissionFactory.withPanel(3)
          .unanimous()
          .with({ dependsOn: { commissionId: other, gate: 'interim-report-accepted' } });
        const c = await reach(
          drive(world).opened(action === 'drop-dependency' ? { factory: dependent } : {}),
        );
        const before = await c.view();
        const res = await attempt(c, who, action, before);
        cells++;
        tried++;
        expect({ callerName, action, status: res.status, body: res.status < 300 ? null : res.body }).toEqual({
          callerName,
          action,
          status: action === 'declare-conflict' ? 201 : 200,
          body: null,
        });
        expect(res.body.version).toBe(before.version + 1);
        expect(res.body.allowedActions).toBeInstanceOf(Array);
      }
      // Closed stages accept nothing; every open stage accepts something.
      expect(tried > 0).toBe(stage !== 'cancelled');
    });
  });
});
