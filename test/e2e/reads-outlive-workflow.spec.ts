import { commissionWorkflowId } from '@app/contracts';
import { drive } from '../support/drive';
import { eventually } from '../support/eventually';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

/**
 * Every read answers from the read model, so a commission stays readable once Temporal has
 * forgotten its workflow (retention, `temporal workflow delete`) or while no worker runs.
 */
describe('reads outlive the workflow', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  it('answers 200 with history and specification after the cancelled workflow is deleted; commands get a 409 naming the stage', async () => {
    const officer = world.as(people.officer);
    const { body } = await officer
      .post('/v1/commissions', CommissionFactory.withPanel(2).build())
      .expect(201);
    const id: string = body.id;
    const base = `/v1/commissions/${id}`;
    await officer.put(`${base}/specification`, { content: '# Scope\n\nKept for the record.' }).expect(200);
    await officer.post(`${base}/cancel`, { reason: 'Superseded by the programme' }).expect(200);

    const workflowId = commissionWorkflowId(id);
    await eventually(
      () =>
        world.client.workflow
          .getHandle(workflowId)
          .describe()
          .then((d) => d.status.name),
      (s) => s === 'COMPLETED',
      10_000,
      'the workflow to complete',
    );
    await world.client.workflowService.deleteWorkflowExecution({
      namespace: world.config.temporal.namespace,
      workflowExecution: { workflowId },
    });
    await eventually(
      () =>
        world.client.workflow
          .getHandle(workflowId)
          .describe()
          .then(
            () => 'present',
            () => 'gone',
          ),
      (s) => s === 'gone',
      // The server deletes a closed execution through its deletion queue: ~30 s on the dev server.
      75_000,
      'Temporal to forget the workflow',
    );

    const read = await officer.get(base).expect(200);
    expect(read.body).toMatchObject({ id, stage: 'cancelled', allowedActions: [] });
    expect(read.body.cancellation).toMatchObject({ reason: 'Superseded by the programme' });
    const history = await officer.get(`${base}/history`).expect(200);
    expect(history.body.events.map((e: { action: string }) => e.action)).toEqual([
      'commission-opened',
      'specification-revised',
      'commission-cancelled',
    ]);
    const spec = await officer.get(`${base}/specification`).expect(200);
    expect(spec.body.content).toBe('# Scope\n\nKept for the record.');
    await world.as(people.observer).get(`${base}/reminders`).expect(200);

    const refused = await officer.post(`${base}/cancel`, { reason: 'again' }).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 409, stage: 'cancelled' });
  }, 120_000);

  it('a completed commission answers every read after its workflow is deleted; commands get a 409 naming completed', async () => {
    const c = await drive(world)
      .opened({ factory: CommissionFactory.withPanel(1).unanimous().with({ estimatedValue: 50_000 }) })
      .submitted()
      .signedOff()
      .tendered({ closesIn: 5 })
      .closed([[people.supplier, 900]])
      .inDelivery()
      .completed();
    const workflowId = commissionWorkflowId(c.id);
    await eventually(
      () =>
        world.client.workflow
          .getHandle(workflowId)
          .describe()
          .then((d) => d.status.name),
      (s) => s === 'COMPLETED',
      15_000,
      'the completed workflow to end',
    );
    await world.client.workflowService.deleteWorkflowExecution({
      namespace: world.config.temporal.namespace,
      workflowExecution: { workflowId },
    });
    await eventually(
      () =>
        world.client.workflow
          .getHandle(workflowId)
          .describe()
          .then(
            () => 'present',
            () => 'gone',
          ),
      (s) => s === 'gone',
      75_000,
      'Temporal to forget the workflow',
    );

    const read = await c.as(people.observer).get('').expect(200);
    expect(read.body).toMatchObject({ stage: 'completed', allowedActions: [] });
    expect(Object.keys(read.body.gatesMet).sort()).toEqual([
      'final-report-accepted',
      'interim-report-accepted',
    ]);
    const history = await c.as(people.observer).get('/history').expect(200);
    expect(history.body.events.at(-1)).toMatchObject({ action: 'report-accepted', toStage: 'completed' });
    const reports = await c.as(people.supplier).get('/reports').expect(200);
    for (const r of reports.body.reports) {
      const one = await c.as(people.officer).get(`/reports/${r.reportId}`).expect(200);
      expect(one.body.versions[0].content).toContain(`The ${r.kind} report`);
    }
    await c.as(people.officer).get('/evaluation').expect(200);
    await c.as(people.officer).get('/bids').expect(200);
    await c.as(people.officer).get('/specification').expect(200);
    await c.as(people.observer).get('/reminders').expect(200);
    await c.as(people.supplier).get('').expect(200);
    const refused = await c.as(people.officer).post('/contract/notice').expect(409);
    expect(refused.body).toMatchObject({ stage: 'completed' });
  }, 180_000);

  it('records a cancellation requested from Temporal as the operator’s audited cancel', async () => {
    const officer = world.as(people.officer);
    const { body } = await officer
      .post('/v1/commissions', CommissionFactory.withPanel(2).build())
      .expect(201);
    const handle = world.client.workflow.getHandle(commissionWorkflowId(body.id));
    await handle.cancel();
    await handle.result();
    const read = await officer.get(`/v1/commissions/${body.id}`).expect(200);
    expect(read.body).toMatchObject({
      stage: 'cancelled',
      cancellation: { by: { name: 'Temporal operator' } },
    });
    const history = await officer.get(`/v1/commissions/${body.id}/history`).expect(200);
    expect(history.body.events.at(-1)).toMatchObject({
      action: 'commission-cancelled',
      actor: { userId: 'system:temporal-operator' },
      toStage: 'cancelled',
    });
  });

  it('keeps a terminated commission readable and says why it takes no more commands', async () => {
    const officer = world.as(people.officer);
    const { body } = await officer
      .post('/v1/commissions', CommissionFactory.withPanel(2).build())
      .expect(201);
    await world.client.workflow.getHandle(commissionWorkflowId(body.id)).terminate('operator test');
    await officer.get(`/v1/commissions/${body.id}`).expect(200);
    const refused = await officer
      .put(`/v1/commissions/${body.id}/specification`, { content: '# Late' })
      .expect(409);
    expect(refused.body.detail).toContain('ended by an operator while it was drafting');
  });

  it('answers reads while no worker is running', async () => {
    const officer = world.as(people.officer);
    const { body } = await officer
      .post('/v1/commissions', CommissionFactory.withPanel(2).build())
      .expect(201);
    await world.worker.stop();
    const read = await officer.get(`/v1/commissions/${body.id}`).expect(200);
    expect(read.body).toMatchObject({ id: body.id, stage: 'drafting', version: 1 });
    await officer.get(`/v1/commissions/${body.id}/history`).expect(200);
  });
});
