import { TasksService } from '../../apps/api/src/tasks/tasks.service';
import { eventually } from '../support/eventually';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

interface TaskJson {
  kind: string;
  commissionId: string;
  summary: string;
  dueAt: string | null;
  overdue: boolean;
  path: string;
  url: string;
}

/** GET /v1/me/tasks against the real API, worker, Temporal server and database. */
describe('GET /v1/me/tasks', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const observer = {
    userId: people.observer.userId,
    name: people.observer.name,
    email: people.observer.email,
  };

  async function open(): Promise<string> {
    const body = CommissionFactory.withPanel(3)
      .quorum(2, true)
      .with({ observers: [observer] })
      .build();
    return (await world.as(people.officer).post('/v1/commissions', body).expect(201)).body.id;
  }

  async function tasksOf(user: TestUser, commissionIds: string[]): Promise<TaskJson[]> {
    const res = await world.as(user).get('/v1/me/tasks').expect(200);
    return (res.body.items as TaskJson[]).filter((t) => commissionIds.includes(t.commissionId));
  }

  /** Visibility (which workflows run on this task queue) follows a start by a few milliseconds. */
  const tasksEventually = (user: TestUser, ids: string[], ok: (tasks: TaskJson[]) => boolean) =>
    eventually(() => tasksOf(user, ids), ok, 10_000, `tasks of ${user.userId}`);

  it('walks a specification from writing to a decision, each task going to whoever must act', async () => {
    const id = await open();
    const write = await tasksEventually(people.officer, [id], (t) => t.length === 1);
    expect(write[0]).toMatchObject({
      kind: 'write-specification',
      dueAt: null,
      path: `/commissions/${id}/specification/edit`,
      url: `${world.config.http.publicBaseUrl}/commissions/${id}/specification/edit`,
    });
    expect(await tasksOf(people.chair, [id])).toEqual([]);

    await world
      .as(people.officer)
      .put(`/v1/commissions/${id}/specification`, { content: '# Scope' })
      .expect(200);
    expect(await tasksOf(people.officer, [id])).toEqual([
      expect.objectContaining({ kind: 'submit-specification', path: `/commissions/${id}/submit` }),
    ]);

    const respondBy = inOneHour();
    await world
      .as(people.officer)
      .post(`/v1/commissions/${id}/specification/submit`, { respondBy })
      .expect(200);
    expect(await tasksOf(people.officer, [id])).toEqual([]);
    for (const member of [people.chair, people.wood, people.trowler]) {
      expect(await tasksOf(member, [id])).toEqual([
        expect.objectContaining({
          kind: 'decide-on-specification',
          summary: 'Decide on version 1 of the specification',
          dueAt: new Date(respondBy).toISOString(),
          overdue: false,
          path: `/commissions/${id}/sign-off`,
        }),
      ]);
    }
    expect(await tasksOf(people.outsider, [id])).toEqual([]);

    await world
      .as(people.wood)
      .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
      .expect(200);
    expect(await tasksOf(people.wood, [id])).toEqual([]);
    expect(await tasksOf(people.chair, [id])).toHaveLength(1);

    await world
      .as(people.trowler)
      .post(`/v1/commissions/${id}/sign-offs`, {
        decision: 'request-changes',
        specificationVersion: 1,
        comment: 'Say how authorities are chosen',
      })
      .expect(200);
    expect(await tasksOf(people.chair, [id])).toEqual([]);
    expect(await tasksOf(people.officer, [id])).toEqual([
      expect.objectContaining({
        kind: 'revise-specification',
        summary: 'Revise version 1 of the specification: the panel asked for changes',
      }),
    ]);
  });

  it('puts the most urgent first and shows overdue deadlines to officers and observers', async () => {
    const [later, sooner] = [await open(), await open()];
    for (const [id, respondBy] of [
      [later, inOneHour()],
      [sooner, new Date(Date.now() + 1500).toISOString()],
    ]) {
      await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: 'Text' })
        .expect(200);
      await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy })
        .expect(200);
    }
    const chair = await tasksEventually(people.chair, [later, sooner], (t) => t.length === 2 && t[0].overdue);
    expect(chair.map((t) => t.commissionId)).toEqual([sooner, later]);
    expect(chair.map((t) => t.overdue)).toEqual([true, false]);

    for (const user of [people.officer, people.observer]) {
      expect(await tasksOf(user, [later, sooner])).toEqual([
        expect.objectContaining({
          kind: 'overdue-deadline',
          commissionId: sooner,
          summary: 'The panel’s sign-off is overdue',
          overdue: true,
        }),
      ]);
    }
    expect(await tasksOf(people.supplier, [later, sooner])).toEqual([]);
  });

  it('answers the list filters mine and awaiting=me with the matching open commissions', async () => {
    const drafting = await open();
    const review = await open();
    await world
      .as(people.officer)
      .put(`/v1/commissions/${review}/specification`, { content: 'Text' })
      .expect(200);
    await world
      .as(people.officer)
      .post(`/v1/commissions/${review}/specification/submit`, { respondBy: inOneHour() })
      .expect(200);
    const tasks = world.app.get(TasksService);
    const ids = async (user: TestUser, filter: Parameters<TasksService['commissionIdsFor']>[1]) =>
      ((await tasks.commissionIdsFor(user, filter)) ?? [])
        .filter((i) => [drafting, review].includes(i))
        .sort();
    await eventually(
      () => ids(people.chair, { mine: true }),
      (v) => v.length === 2,
      10_000,
      'both visible',
    );
    expect(await ids(people.chair, { awaiting: 'me' })).toEqual([review]);
    expect(await ids(people.officer, { awaiting: 'me' })).toEqual([drafting]);
    expect(await ids(people.outsider, { mine: true })).toEqual([]);
    expect(await tasks.commissionIdsFor(people.chair, {})).toBeNull();
  });

  it('needs a token like the rest of the API, and is in the OpenAPI document', async () => {
    const res = await world.anonymous.get('/v1/me/tasks').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const doc = await world.anonymous.get('/v1/openapi.json').expect(200);
    expect(doc.body.paths).toHaveProperty('/v1/me/tasks');
    expect(Object.keys(doc.body.paths).every((p) => p.startsWith('/v1/'))).toBe(true);
  });
});
