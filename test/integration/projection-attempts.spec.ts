import { randomUUID } from 'node:crypto';
import type { Projection, ProjectionAttempt } from '@app/contracts';
import type { DataSource } from 'typeorm';
import { projectAttempt, type RidingStatement } from '../../activities/projection/project-attempt';
import { sampleProjection } from '../support/projections';
import { openDataSource, testConfig } from '../support/temporal';

/**
 * The projection written from inside a workflow task (a local activity), before that task is in
 * history: what a lost task wrote is replaced by its retry, a late write never lands over a later
 * task's, and the audit trail stays append-only for everything committed.
 */
describe('projecting from inside a workflow task', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDataSource(testConfig());
  });
  afterAll(() => ds.destroy());

  const RUN = Date.UTC(2026, 10, 26, 9);

  const event = (id: string, seq: number, when: string) =>
    sampleProjection(id, seq, when, {
      view: { id, version: seq, updatedAt: when } as unknown as Projection['view'],
    });
  const at = (s: number) => new Date(RUN + s * 1000).toISOString();
  const task = (historyLength: number, committedThrough: number, provisional = true): ProjectionAttempt => ({
    runStartedMs: RUN,
    historyLength,
    committedThrough,
    provisional,
  });

  const audit = async (id: string) =>
    (
      await ds.query('SELECT seq, at, provisional FROM audit_events WHERE commission_id = $1 ORDER BY seq', [
        id,
      ])
    ).map((r: { seq: number; at: Date; provisional: boolean }) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      provisional: r.provisional,
    }));
  const stored = async (id: string) =>
    (await ds.query('SELECT version, view FROM commissions WHERE id = $1', [id]))[0];
  const specifications = async (id: string) =>
    (
      await ds.query(
        'SELECT version, content FROM specification_versions WHERE commission_id = $1 ORDER BY version',
        [id],
      )
    ).map((r: { version: number; content: string }) => `${r.version}:${r.content}`);

  it('replaces what a lost task wrote with its retry, fewer events and other times included', async () => {
    const id = randomUUID();
    await projectAttempt(ds, [event(id, 1, at(0))], task(3, 0));
    // Task at history 8 records events 2 and 3, writes them, and is lost before reaching history.
    await projectAttempt(ds, [event(id, 2, at(1)), event(id, 3, at(1))], task(8, 1));
    // Its retry (history 11) records only event 2, at another time.
    const outcome = await projectAttempt(ds, [event(id, 2, at(5))], task(11, 1));
    expect(outcome).toEqual({ applied: true, written: 1, replaced: 2 });
    expect(await audit(id)).toEqual([
      { seq: 1, at: at(0), provisional: false },
      { seq: 2, at: at(5), provisional: true },
    ]);
    expect(await specifications(id)).toEqual([`1:# v1 as of ${at(5)}`]);
    expect(await stored(id)).toEqual({ version: 2, view: { id, version: 2, updatedAt: at(5) } });
  });

  it("runs a riding statement in the write's round trip, and lets it record nothing beside a late write", async () => {
    // The timetable check rides this way (check-feasibility.ts); here a stand-in that notes a verdict.
    const noting = (verdict: string): RidingStatement => ({
      ctes: (from, gate) => `noted AS (
        INSERT INTO timeline_verdicts (commission_id, verdict, why, checked_at, cause)
        SELECT $1::text::uuid, $${from + 1}::text, '', now(), 'riding' WHERE ${gate}
        ON CONFLICT (commission_id) DO UPDATE SET verdict = EXCLUDED.verdict
        RETURNING commission_id)`,
      select: `SELECT 'noted' AS kind, NULL::jsonb AS view, NULL::text AS key, NULL::text AS stale,
                 NULL::integer AS replaced, NULL::integer AS written FROM noted`,
      params: [verdict],
    });
    const verdict = async (id: string) =>
      (await ds.query('SELECT verdict FROM timeline_verdicts WHERE commission_id = $1', [id]))[0]?.verdict;
    const id = randomUUID();
    await projectAttempt(ds, [event(id, 1, at(0))], task(3, 0));
    const current = await projectAttempt(
      ds,
      [event(id, 2, at(5))],
      task(11, 1),
      undefined,
      noting('at-risk'),
    );
    expect(current).toMatchObject({ applied: true, written: 1, replaced: 0, riding: [{ kind: 'noted' }] });
    expect(await verdict(id)).toBe('at-risk');
    const late = await projectAttempt(
      ds,
      [event(id, 2, at(1)), event(id, 3, at(1))],
      task(8, 1),
      undefined,
      noting('infeasible'),
    );
    expect(late).toMatchObject({ applied: false });
    expect(await verdict(id)).toBe('at-risk');
    expect(await stored(id)).toMatchObject({ version: 2 });
  });

  it('ignores a lost task that writes late, after its retry', async () => {
    const id = randomUUID();
    await projectAttempt(ds, [event(id, 1, at(0))], task(3, 0));
    await projectAttempt(ds, [event(id, 2, at(5))], task(11, 1));
    const late = await projectAttempt(ds, [event(id, 2, at(1)), event(id, 3, at(1))], task(8, 1));
    expect(late).toMatchObject({ applied: false });
    expect(await audit(id)).toEqual([
      { seq: 1, at: at(0), provisional: false },
      { seq: 2, at: at(5), provisional: true },
    ]);
    expect(await stored(id)).toMatchObject({ version: 2 });
  });

  it("orders a lost first task before its retry by the run's start as each saw it", async () => {
    // A run's start is the time of its first workflow task as the worker saw it. Core's workflow
    // clock only moves forward (sdk-core's WorkflowMachines::set_current_time), so a retry of a lost
    // first task, and every replay after it, see the retry's start: later than the lost attempt's,
    // which alone saw its own.
    const id = randomUUID();
    const lost = { ...task(3, 0), runStartedMs: RUN };
    const retried = (historyLength: number, committedThrough: number) => ({
      ...task(historyLength, committedThrough),
      runStartedMs: RUN + 10_000,
    });
    await projectAttempt(ds, [event(id, 1, at(0))], lost);
    expect(await projectAttempt(ds, [event(id, 1, at(10))], retried(6, 0))).toEqual({
      applied: true,
      written: 1,
      replaced: 1,
    });
    // The lost attempt, still running, writes its next batch late: ignored.
    expect(await projectAttempt(ds, [event(id, 1, at(0)), event(id, 2, at(0))], lost)).toMatchObject({
      applied: false,
    });
    // The run's next task (its history longer, the same start) writes over nothing of the lost one's.
    expect(await projectAttempt(ds, [event(id, 2, at(20))], retried(10, 1))).toMatchObject({
      applied: true,
      replaced: 0,
    });
    expect(await audit(id)).toEqual([
      { seq: 1, at: at(10), provisional: false },
      { seq: 2, at: at(20), provisional: true },
    ]);
  });

  it("ignores an earlier batch of the same task arriving after a later one (a timed-out attempt's)", async () => {
    const id = randomUUID();
    await projectAttempt(ds, [event(id, 1, at(0)), event(id, 2, at(0))], task(3, 0));
    await projectAttempt(ds, [event(id, 3, at(0))], task(3, 0));
    expect(await projectAttempt(ds, [event(id, 1, at(0)), event(id, 2, at(0))], task(3, 0))).toMatchObject({
      applied: false,
    });
    expect((await audit(id)).map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    // The same batch again (an attempt whose answer was lost) rewrites the same rows, once.
    expect(await projectAttempt(ds, [event(id, 3, at(0))], task(3, 0))).toMatchObject({
      applied: true,
      replaced: 1,
    });
    expect((await audit(id)).map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
  });

  it('makes rows final once a later task says they are in history, and then never removes them', async () => {
    const id = randomUUID();
    await projectAttempt(ds, [event(id, 1, at(0)), event(id, 2, at(0))], task(3, 0));
    await projectAttempt(ds, [event(id, 3, at(1))], task(7, 2));
    expect((await audit(id)).map((r: { provisional: boolean }) => r.provisional)).toEqual([
      false,
      false,
      true,
    ]);
    // A retry that wrongly started before the committed events keeps them as they were.
    await projectAttempt(ds, [event(id, 2, at(9)), event(id, 3, at(9))], task(9, 1));
    expect(await audit(id)).toEqual([
      { seq: 1, at: at(0), provisional: false },
      { seq: 2, at: at(0), provisional: false },
      { seq: 3, at: at(9), provisional: true },
    ]);
    await expect(
      ds.query('DELETE FROM audit_events WHERE commission_id = $1 AND seq = 2', [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ds.query(`UPDATE audit_events SET action = 'forged' WHERE commission_id = $1 AND seq = 3`, [id]),
    ).rejects.toThrow(/append-only/);
  });

  it('writes final rows from a task in history, once however often it is retried', async () => {
    const id = randomUUID();
    const committed = task(3, 0, false);
    await projectAttempt(ds, [event(id, 1, at(0)), event(id, 2, at(0))], committed);
    const again = await projectAttempt(ds, [event(id, 1, at(0)), event(id, 2, at(0))], committed);
    expect(again).toEqual({ applied: true, written: 0, replaced: 0 });
    expect(await audit(id)).toEqual([
      { seq: 1, at: at(0), provisional: false },
      { seq: 2, at: at(0), provisional: false },
    ]);
  });

  it('never opens the bids from a task not yet in history', async () => {
    const id = randomUUID();
    const opening: Projection = {
      ...event(id, 1, at(0)),
      effects: [{ kind: 'bids-opened', at: at(0), bidIds: [] }],
    };
    await expect(projectAttempt(ds, [opening], task(3, 0))).rejects.toThrow(/never provisionally/);
  });

  it('quarantines only the event the database can never store, from inside a task too', async () => {
    const id = randomUUID();
    const bad = event(id, 2, at(1));
    bad.event.detail = { text: 'nul \u0000 here' };
    const quarantined: number[] = [];
    const outcome = await projectAttempt(
      ds,
      [event(id, 1, at(0)), bad, event(id, 3, at(1))],
      task(3, 0),
      (p) => quarantined.push(p.event.seq),
    );
    expect(outcome).toMatchObject({ applied: true, written: 3 });
    expect(quarantined).toEqual([2]);
    expect((await audit(id)).map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(await stored(id)).toMatchObject({ version: 3 });
  });
});
