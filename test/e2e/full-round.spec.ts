import { CommissionStateQuery, commissionWorkflowId } from '@app/contracts';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

describe('a full sign-off round, end to end', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  it('goes from drafting through a request for changes to signed-off, and audits every step', async () => {
    const officer = world.as(people.officer);
    const created = await officer.post(
      '/v1/commissions',
      CommissionFactory.withPanel(3).quorum(2, true).build(),
    );
    expect(created.status).toBe(201);
    expect(created.body.stage).toBe('drafting');
    const id: string = created.body.id;
    const base = `/v1/commissions/${id}`;

    await officer.put(`${base}/specification`, { content: '# Scope\n\nFirst draft.' }).expect(200);
    const v2 = await officer
      .put(`${base}/specification`, { content: '# Scope\n\nSecond draft.' })
      .expect(200);
    expect(v2.body.specification.currentVersion).toBe(2);

    const submitted = await officer
      .post(`${base}/specification/submit`, { respondBy: inOneHour() })
      .expect(200);
    expect(submitted.body.stage).toBe('panel-review');

    const changes = await world
      .as(people.wood)
      .post(`${base}/sign-offs`, {
        decision: 'request-changes',
        specificationVersion: 2,
        comment: 'Say how local authorities are chosen.',
      })
      .expect(200);
    expect(changes.body.stage).toBe('drafting');
    expect(changes.body.specification.versions[1].changeRequests).toEqual([
      expect.objectContaining({ member: { userId: 'alan.wood', name: 'Alan Wood' } }),
    ]);

    await officer
      .put(`${base}/specification`, { content: '# Scope\n\nThird draft, with selection.' })
      .expect(200);
    await officer.post(`${base}/specification/submit`, { respondBy: inOneHour() }).expect(200);

    const wood = await world
      .as(people.wood)
      .post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 3 })
      .expect(200);
    expect(wood.body.stage).toBe('panel-review');
    expect(wood.body.signOff.tally).toMatchObject({
      approvals: 1,
      needed: '2 approvals, the chair among them',
    });
    const trowler = await world
      .as(people.trowler)
      .post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 3 })
      .expect(200);
    expect(trowler.body.stage).toBe('panel-review'); // quorum met, but not yet the chair
    const chair = await world
      .as(people.chair)
      .post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 3 })
      .expect(200);
    expect(chair.body.stage).toBe('signed-off');

    const history = await officer.get(`${base}/history`).expect(200);
    expect(
      history.body.events.map((e: { action: string; toStage: string }) => [e.action, e.toStage]),
    ).toEqual([
      ['commission-opened', 'drafting'],
      ['specification-revised', 'drafting'],
      ['specification-revised', 'drafting'],
      ['specification-submitted', 'panel-review'],
      ['sign-off', 'drafting'],
      ['specification-revised', 'drafting'],
      ['specification-submitted', 'panel-review'],
      ['sign-off', 'panel-review'],
      ['sign-off', 'panel-review'],
      ['sign-off', 'signed-off'],
    ]);
    for (const [i, e] of history.body.events.entries()) {
      expect(e.seq).toBe(i + 1);
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      expect(e.actor.userId).toEqual(expect.any(String));
    }
    expect(history.body.events[4].actor.userId).toBe('alan.wood');
    expect(history.body.events[9].actor.userId).toBe('julian.le-grand');

    // The same state in the API, the read model and the workflow itself.
    const row = await world.ds.query(
      'SELECT stage, version, specification_version FROM commissions WHERE id = $1',
      [id],
    );
    expect(row).toEqual([{ stage: 'signed-off', version: 10, specification_version: 3 }]);
    const signOffs = await world.ds.query(
      'SELECT member_id, decision FROM sign_offs WHERE commission_id = $1 ORDER BY specification_version, decided_at',
      [id],
    );
    expect(
      signOffs.map((r: { member_id: string; decision: string }) => `${r.member_id}:${r.decision}`),
    ).toEqual([
      'alan.wood:request-changes',
      'alan.wood:approve',
      'isabelle.trowler:approve',
      'julian.le-grand:approve',
    ]);
    const state = await world.client.workflow.getHandle(commissionWorkflowId(id)).query(CommissionStateQuery);
    expect(state).toMatchObject({ stage: 'signed-off', version: 10 });
    const versions = await officer.get(`${base}/specification/versions`).expect(200);
    expect(versions.body.versions).toHaveLength(3);
    const v1 = await officer.get(`${base}/specification/versions/1`).expect(200);
    expect(v1.body.content).toBe('# Scope\n\nFirst draft.');
  });
});
