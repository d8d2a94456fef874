import { loadConfig } from '@app/config';
import { mintToken } from '../../apps/api/src/auth/token';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people, tokenFor, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';
import { drive } from '../support/drive';

const PROBLEM = /application\/problem\+json/;

describe('commands on one commission: every refusal answers with problem+json', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  async function open(factory = CommissionFactory.withPanel(3).unanimous()): Promise<string> {
    return (await drive(world).opened({ factory })).id;
  }

  async function inReview(): Promise<string> {
    return (await drive(world).opened().drafted({ content: '# v1' }).submitted()).id;
  }

  const signOff = (who: TestUser, id: string, body: object) =>
    world.as(who).post(`/v1/commissions/${id}/sign-offs`, body);

  describe('authentication', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await world.anonymous.get('/v1/commissions').expect(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 401, title: 'Not authenticated' });
    });

    it('refuses a token signed with another key with 401', async () => {
      await world.anonymous
        .get('/v1/commissions')
        .set(
          'Authorization',
          'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsib2ZmaWNlciJdfQ.c2lnbmF0dXJl',
        )
        .expect(401);
    });

    it('lets anyone read health and the API documents', async () => {
      const health = await world.anonymous.get('/v1/health').expect(200);
      expect(health.body).toEqual({
        status: 'up',
        checks: { temporal: { status: 'up' }, postgres: { status: 'up' } },
      });
      const doc = await world.anonymous.get('/v1/openapi.json').expect(200);
      expect(doc.body.paths).toHaveProperty('/v1/commissions/{id}/sign-offs');
      await world.anonymous.get('/v1/docs/').expect(200);
    });
  });

  describe('POST /v1/commissions', () => {
    it('needs the officer role', async () => {
      const res = await world
        .as(people.wood)
        .post('/v1/commissions', CommissionFactory.withPanel().build())
        .expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });

    it('names each invalid field', async () => {
      const res = await world
        .as(people.officer)
        .post('/v1/commissions', {
          ...CommissionFactory.withPanel().build(),
          title: '',
          milestones: { interimReportDueAt: 'September', finalReportDueAt: '2027-09-30T17:00:00' },
          unexpected: true,
        })
        .expect(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'title',
          'unexpected',
          'milestones.interimReportDueAt',
          'milestones.finalReportDueAt',
        ]),
      );
    });

    it('refuses a sign-off rule the panel cannot meet and milestones out of order', async () => {
      const res = await world
        .as(people.officer)
        .post(
          '/v1/commissions',
          CommissionFactory.withPanel(2)
            .quorum(3, true)
            .with({
              milestones: {
                interimReportDueAt: '2038-10-30T17:00:00Z',
                finalReportDueAt: '2038-09-30T17:00:00Z',
              },
            })
            .build(),
        )
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'signOffRule', message: 'quorum must be between 1 and the panel size (2)' },
        { field: 'milestones', message: 'the interim report is due before the final report' },
      ]);
    });

    it('refuses a due date beyond the years the bank-holiday calendar covers', async () => {
      const res = await world
        .as(people.officer)
        .post(
          '/v1/commissions',
          CommissionFactory.withPanel(2)
            .with({
              milestones: {
                interimReportDueAt: '2038-10-30T17:00:00Z',
                finalReportDueAt: '2041-01-01T00:30:00Z',
              },
            })
            .build(),
        )
        .expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'milestones.finalReportDueAt',
          message:
            "must fall within the bank-holiday calendar's years (2010–2040); 2041-01-01 is outside them",
        },
      ]);
    });

    it('refuses reminder durations that are zero, too fine or too long', async () => {
      const res = await world
        .as(people.officer)
        .post(
          '/v1/commissions',
          CommissionFactory.withPanel()
            .with({ reminderPolicy: { before: ['P300000000D', 'PT0S'], overdueEvery: 'PT0.001S' } })
            .build(),
        )
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'reminderPolicy.before',
        'reminderPolicy.overdueEvery',
      ]);
    });

    it('refuses the NUL character anywhere in a body, which the database could never store', async () => {
      const res = await world
        .as(people.officer)
        .post('/v1/commissions', CommissionFactory.withPanel().with({ title: 'Study\u0000' }).build())
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'title', message: 'contains the control character U+0000' }]);
    });

    it('needs an email on the creating officer, who is sent reminders', async () => {
      const noEmail = mintToken(loadConfig().auth.secret!, { sub: 'officer.noemail', roles: ['officer'] });
      const res = await world.anonymous
        .post('/v1/commissions')
        .set('Authorization', `Bearer ${noEmail}`)
        .send(CommissionFactory.withPanel().build())
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'token.email' })]);
    });

    it('refuses a dependency on an unknown commission', async () => {
      const res = await world
        .as(people.officer)
        .post(
          '/v1/commissions',
          CommissionFactory.withPanel()
            .with({
              dependsOn: {
                commissionId: '00000000-0000-4000-8000-000000000000',
                gate: 'final-report-accepted',
              },
            })
            .build(),
        )
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'dependsOn.commissionId', message: 'no commission with this id' },
      ]);
    });

    it('answers malformed JSON with 400 and an oversized body with 413', async () => {
      const auth = { Authorization: `Bearer ${tokenFor(people.officer)}` };
      const bad = await world.anonymous
        .post('/v1/commissions')
        .set(auth)
        .set('content-type', 'application/json')
        .send('{"title": ')
        .expect(400);
      expect(bad.headers['content-type']).toMatch(PROBLEM);
      const big = await world.anonymous
        .post('/v1/commissions')
        .set(auth)
        .send({ ...CommissionFactory.withPanel().build(), description: 'x'.repeat(300_000) })
        .expect(413);
      expect(big.body.status).toBe(413);
    });
  });

  describe('reading', () => {
    it('answers 404 for an unknown or malformed id', async () => {
      await world.as(people.officer).get('/v1/commissions/00000000-0000-4000-8000-000000000000').expect(404);
      const res = await world.as(people.officer).get('/v1/commissions/not-a-uuid').expect(404);
      expect(res.body.detail).toBe('no commission with id not-a-uuid');
    });

    it('hides unpublished commissions from suppliers and their history always', async () => {
      const id = await open();
      await world.as(people.supplier).get(`/v1/commissions/${id}`).expect(404);
      await world.as(people.supplier).get(`/v1/commissions/${id}/history`).expect(403);
      const list = await world.as(people.supplier).get('/v1/commissions').expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    });

    it('gives every caller the actions they may take now', async () => {
      const id = await open();
      const asOfficer = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
      expect(asOfficer.body.allowedActions).toEqual(
        expect.arrayContaining(['edit-specification', 'submit-specification', 'cancel']),
      );
      const asChair = await world.as(people.chair).get(`/v1/commissions/${id}`).expect(200);
      expect(asChair.body.allowedActions).toEqual(['edit-specification', 'declare-conflict']);
      const asMember = await world.as(people.wood).get(`/v1/commissions/${id}`).expect(200);
      expect(asMember.body.allowedActions).toEqual(['declare-conflict']);
      const asObserver = await world.as(people.observer).get(`/v1/commissions/${id}`).expect(200);
      expect(asObserver.body.allowedActions).toEqual([]);
    });
  });

  describe('the specification', () => {
    it('may be edited by the chair but not by another member or an officer not named on it', async () => {
      const id = await open();
      await world
        .as(people.chair)
        .put(`/v1/commissions/${id}/specification`, { content: '# by the chair' })
        .expect(200);
      const member = await world
        .as(people.wood)
        .put(`/v1/commissions/${id}/specification`, { content: '# no' })
        .expect(403);
      expect(member.body.detail).toMatch(/officer, panel-chair/);
      await world
        .as(people.otherOfficer)
        .put(`/v1/commissions/${id}/specification`, { content: '# no' })
        .expect(403);
      await world.as(people.officer).put(`/v1/commissions/${id}/specification`, { content: '' }).expect(400);
    });

    it('keeps an identical text as the same version', async () => {
      const id = await open();
      const first = await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: '# same' });
      const again = await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: '# same' });
      expect(again.body.version).toBe(first.body.version);
      expect(again.body.specification.currentVersion).toBe(1);
    });

    it('cannot be submitted before it exists, or with a respond-by in the past or beyond the calendar', async () => {
      const id = await open();
      const none = await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: inOneHour() })
        .expect(409);
      expect(none.body).toMatchObject({
        stage: 'drafting',
        detail: 'there is no specification version to submit yet',
      });
      await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: '# v1' })
        .expect(200);
      await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: '2020-01-01T00:00:00Z' })
        .expect(400);
      await world.as(people.officer).post(`/v1/commissions/${id}/specification/submit`, {}).expect(400);
      const beyond = await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: '2041-03-02T17:00:00Z' })
        .expect(400);
      expect(beyond.body.errors).toEqual([
        {
          field: 'respondBy',
          message:
            "must fall within the bank-holiday calendar's years (2010–2040); 2041-03-02 is outside them",
        },
      ]);
      await world
        .as(people.wood)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: inOneHour() })
        .expect(403);
    });

    it('is frozen while the panel reviews it', async () => {
      const id = await inReview();
      const res = await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: '# v2' })
        .expect(409);
      expect(res.body).toMatchObject({ status: 409, stage: 'panel-review' });
      expect(res.body.detail).toMatch(/not allowed in stage panel-review/);
    });
  });

  describe('sign-off', () => {
    it('is only for members of this panel, deciding as themselves', async () => {
      const id = await inReview();
      await signOff(people.outsider, id, { decision: 'approve', specificationVersion: 1 }).expect(403);
      await signOff(people.officer, id, { decision: 'approve', specificationVersion: 1 }).expect(403);
      const res = await signOff(people.wood, id, {
        decision: 'approve',
        specificationVersion: 1,
        member: 'julian.le-grand',
      }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'member', message: 'property member should not exist' }]);
    });

    it('refuses a stale version and a second, different decision; a repeat changes nothing', async () => {
      const id = await inReview();
      const stale = await signOff(people.wood, id, { decision: 'approve', specificationVersion: 2 }).expect(
        409,
      );
      expect(stale.body.detail).toBe('specification version 2 is not under review; version 1 is');
      const first = await signOff(people.wood, id, { decision: 'approve', specificationVersion: 1 }).expect(
        200,
      );
      const repeat = await signOff(people.wood, id, { decision: 'approve', specificationVersion: 1 }).expect(
        200,
      );
      expect(repeat.body.version).toBe(first.body.version);
      const other = await signOff(people.wood, id, {
        decision: 'request-changes',
        specificationVersion: 1,
        comment: 'on reflection',
      }).expect(409);
      expect(other.body.detail).toMatch(/already decided "approve"/);
    });

    it('needs a comment to request changes, and a known decision', async () => {
      const id = await inReview();
      await signOff(people.wood, id, { decision: 'request-changes', specificationVersion: 1 }).expect(400);
      await signOff(people.wood, id, { decision: 'maybe', specificationVersion: 1 }).expect(400);
    });

    it('is refused outside panel review', async () => {
      const id = await open();
      const res = await signOff(people.wood, id, { decision: 'approve', specificationVersion: 1 }).expect(
        409,
      );
      expect(res.body.stage).toBe('drafting');
    });

    it('signs off on the unanimous rule only when every member approves', async () => {
      const id = await inReview();
      await signOff(people.chair, id, { decision: 'approve', specificationVersion: 1 }).expect(200);
      const two = await signOff(people.wood, id, { decision: 'approve', specificationVersion: 1 }).expect(
        200,
      );
      expect(two.body.signOff.tally.awaiting).toEqual([
        { userId: 'isabelle.trowler', name: 'Isabelle Trowler' },
      ]);
      const three = await signOff(people.trowler, id, {
        decision: 'approve',
        specificationVersion: 1,
      }).expect(200);
      expect(three.body.stage).toBe('signed-off');
      // A repeat after the rule was met is still the same decision, so still no change.
      const late = await signOff(people.trowler, id, { decision: 'approve', specificationVersion: 1 }).expect(
        200,
      );
      expect(late.body.version).toBe(three.body.version);
    });
  });

  describe('conflicts of interest', () => {
    it('are recorded for panel members and visible in state and history', async () => {
      const id = await open();
      await world
        .as(people.trowler)
        .post(`/v1/commissions/${id}/conflicts`, { supplier: 'Acme Research', reason: 'former employer' })
        .expect(201);
      await world
        .as(people.outsider)
        .post(`/v1/commissions/${id}/conflicts`, { supplier: 'Acme Research', reason: 'x' })
        .expect(403);
      await world.as(people.trowler).post(`/v1/commissions/${id}/conflicts`, { supplier: '' }).expect(400);
      const view = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
      expect(view.body.conflicts).toEqual([
        expect.objectContaining({
          supplier: 'Acme Research',
          member: { userId: 'isabelle.trowler', name: 'Isabelle Trowler' },
        }),
      ]);
      const history = await world.as(people.observer).get(`/v1/commissions/${id}/history`).expect(200);
      expect(history.body.events.at(-1)).toMatchObject({
        action: 'conflict-declared',
        actor: { userId: 'isabelle.trowler' },
      });
    });
  });

  describe('cancellation', () => {
    it('needs a reason and an officer of this commission, then ends every action', async () => {
      const id = await inReview();
      await world.as(people.officer).post(`/v1/commissions/${id}/cancel`, {}).expect(400);
      await world.as(people.otherOfficer).post(`/v1/commissions/${id}/cancel`, { reason: 'no' }).expect(403);
      const res = await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/cancel`, { reason: 'budget withdrawn' })
        .expect(200);
      expect(res.body).toMatchObject({ stage: 'cancelled', cancellation: { reason: 'budget withdrawn' } });
      expect(res.body.signOff.rounds.at(-1).outcome).toBe('withdrawn');
      const after = await signOff(people.wood, id, { decision: 'approve', specificationVersion: 1 }).expect(
        409,
      );
      expect(after.body).toMatchObject({ stage: 'cancelled' });
      const again = await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/cancel`, { reason: 'again' })
        .expect(409);
      expect(again.body.stage).toBe('cancelled');
      const view = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
      expect(view.body.allowedActions).toEqual([]);
    });
  });
});
