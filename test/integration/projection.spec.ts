import { randomUUID } from 'node:crypto';
import type { Projection } from '@app/contracts';
import type { DataSource } from 'typeorm';
import {
  abandonPending,
  loadEntries,
  markAttempts,
  recordAllInOutbox,
} from '../../activities/notifications/outbox';
import { createLogger } from '@app/logging';
import { projectOrQuarantine } from '../../activities/projection/quarantine';
import { projectCommissionEvent } from '../../activities/projection/project-commission-event';
import {
  projectBatchOrQuarantine,
  projectCommissionEvents,
} from '../../activities/projection/project-commission-events';
import { recordInOutbox, signOffReminder, tenderClosedMessage } from '../support/notifications';
import { sampleProjection } from '../support/projections';
import { openDataSource, testConfig } from '../support/temporal';

/** The read model is exactly-once in effect: the same workflow event projected again writes nothing. */
describe('projecting workflow events into the read model', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await openDataSource(testConfig());
  });
  afterAll(() => ds.destroy());

  const projection = (id: string, seq: number, overrides: Partial<Projection> = {}) =>
    sampleProjection(id, seq, new Date(Date.UTC(2026, 10, 25, 12, 0, seq)).toISOString(), overrides);

  const rows = async (table: string, id: string) =>
    (await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE commission_id = $1`, [id]))[0].n;

  it('writes each event once however many times it is retried, concurrently or not', async () => {
    const id = randomUUID();
    expect(await projectCommissionEvent(ds, projection(id, 1))).toBe(true);
    const second = projection(id, 2);
    const results = await Promise.all([1, 2, 3, 4].map(() => projectCommissionEvent(ds, second)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await projectCommissionEvent(ds, projection(id, 1))).toBe(false);
    expect(await rows('audit_events', id)).toBe(2);
    expect(await rows('specification_versions', id)).toBe(1);
  });

  it('writes a batch of events in one go, each once, however often the batch is retried', async () => {
    const id = randomUUID();
    const view = (seq: number) => ({ id, version: seq }) as unknown as Projection['view'];
    const batch = [projection(id, 1), projection(id, 2), projection(id, 3, { view: view(3) })];
    expect(await projectCommissionEvents(ds, batch)).toBe(3);
    const retries = await Promise.all([1, 2, 3].map(() => projectCommissionEvents(ds, batch)));
    expect(retries).toEqual([0, 0, 0]);
    // A later batch overlapping the first (a retry that also carries the next event) adds only that one.
    expect(await projectCommissionEvents(ds, [batch[2], projection(id, 4, { view: view(4) })])).toBe(1);
    expect(await rows('audit_events', id)).toBe(4);
    expect(await rows('specification_versions', id)).toBe(3);
    const [row] = await ds.query('SELECT version, view FROM commissions WHERE id = $1', [id]);
    expect(row).toEqual({ version: 4, view: { id, version: 4 } });
  });

  it('quarantines only the event of a batch the database can never store', async () => {
    const id = randomUUID();
    const logger = createLogger('projection-test', 'silent');
    const bad = projection(id, 2, {
      event: { ...projection(id, 2).event, detail: { text: 'nul \u0000 here' } },
    });
    const written = await projectBatchOrQuarantine(
      ds,
      [projection(id, 1), bad, projection(id, 3)],
      logger,
      id,
    );
    expect(written).toBe(3);
    expect(await rows('audit_events', id)).toBe(3);
    expect(await rows('quarantined_events', id)).toBe(1);
  });

  it('quarantines an event the database can never store, keeping the sequence and the commission moving', async () => {
    const id = randomUUID();
    const logger = createLogger('projection-test', 'silent');
    const project = (p: Projection) => projectOrQuarantine(ds, p, logger, `commission-${id}`);
    await project(projection(id, 1));
    // Below the validators: an unpaired surrogate in jsonb and a NUL in text fail every retry.
    const poisoned = projection(id, 2, {
      event: {
        ...projection(id, 2).event,
        actor: { userId: 'officer.one', name: 'Olivia\u0000' },
        detail: { note: 'bad \ud800 text' },
      },
    });
    await project(poisoned);
    await project(projection(id, 3));
    const audit = await ds.query(
      `SELECT seq, detail, actor_name FROM audit_events WHERE commission_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(audit[1].detail).toMatchObject({ note: 'bad \uFFFD text', quarantined: true });
    expect(audit[1].actor_name).toBe('Olivia\uFFFD');
    const [quarantined] = await ds.query(
      `SELECT seq, reason, payload_base64 FROM quarantined_events WHERE commission_id = $1`,
      [id],
    );
    expect(quarantined.seq).toBe(2);
    expect(
      JSON.parse(Buffer.from(quarantined.payload_base64, 'base64').toString('utf8')).event.detail.note,
    ).toBe('bad \ud800 text');
    const [row] = await ds.query(`SELECT version FROM commissions WHERE id = $1`, [id]);
    expect(row.version).toBe(3);
  });

  it('never moves the commission row backwards when an older event arrives late', async () => {
    const id = randomUUID();
    await projectCommissionEvent(ds, projection(id, 1));
    await projectCommissionEvent(ds, projection(id, 3));
    await projectCommissionEvent(ds, projection(id, 2));
    const [row] = await ds.query('SELECT version, specification_version FROM commissions WHERE id = $1', [
      id,
    ]);
    expect(row).toEqual({ version: 3, specification_version: 2 });
  });

  it('marks a notification whose last attempt never reported back as failed, keeping what was sent', async () => {
    const id = randomUUID();
    const { key } = signOffReminder(id);
    await recordInOutbox(ds, signOffReminder(id), { subject: 's', body: 'b', link: 'l' }, [
      'email',
      'webhook',
    ]);
    await markAttempts(ds, [{ key, channel: 'email', outcome: { sent: true } }]);
    await abandonPending(ds, key, 'delivery gave up: worker lost');
    const rows = await ds.query(
      'SELECT channel, status, last_error FROM notification_deliveries WHERE notification_key = $1 ORDER BY channel',
      [key],
    );
    expect(rows).toEqual([
      { channel: 'email', status: 'sent', last_error: null },
      { channel: 'webhook', status: 'failed', last_error: 'delivery gave up: worker lost' },
    ]);
  });

  it("loads a delivery's notifications with their channels in one call and records every channel's outcome in one", async () => {
    const id = randomUUID();
    const una = { userId: 'u1', name: 'Una', email: 'una@example.gov.uk' };
    const message = (seq: number) => tenderClosedMessage(id, seq, [una]);
    const both = [1, 2].map((seq) => ({
      n: message(seq),
      text: { subject: `s${seq}`, body: 'b', link: 'l' },
    }));
    const [one, two] = [message(1).key, message(2).key];
    // A task's notifications are recorded in one statement, and again change nothing.
    expect(await recordAllInOutbox(ds, both, ['email', 'webhook'])).toEqual({
      recorded: [one, two],
      dropped: [],
    });
    expect(await recordAllInOutbox(ds, both, ['email', 'webhook'])).toEqual({ recorded: [], dropped: [] });
    const entries = await loadEntries(ds, [two, one, `${id}:unknown`]);
    expect(entries.map((e) => e.key).sort()).toEqual([one, two].sort());
    const first = entries.find((e) => e.key === one)!;
    expect(first).toMatchObject({
      commissionId: id,
      subject: 's1',
      recipients: [una],
      deliveries: [
        { channel: 'email', status: 'pending', attempts: 0 },
        { channel: 'webhook', status: 'pending', attempts: 0 },
      ],
    });
    expect(first.scheduledFor).toEqual(new Date('2030-01-01T00:00:00.000Z'));

    await markAttempts(ds, [
      { key: one, channel: 'email', outcome: { sent: true } },
      { key: one, channel: 'webhook', outcome: { sent: false, error: 'refused', final: false } },
      { key: two, channel: 'webhook', outcome: { sent: false, error: 'gone', final: true } },
    ]);
    // A channel already sent stays sent, whatever a late attempt reports.
    await markAttempts(ds, [
      { key: one, channel: 'email', outcome: { sent: false, error: 'late', final: true } },
    ]);
    const rows = await ds.query(
      `SELECT notification_key AS key, channel, status, attempts, last_error AS error, sent_at IS NOT NULL AS sent
         FROM notification_deliveries WHERE notification_key = ANY($1) ORDER BY notification_key, channel`,
      [[one, two]],
    );
    expect(rows).toEqual([
      { key: one, channel: 'email', status: 'sent', attempts: 1, error: null, sent: true },
      { key: one, channel: 'webhook', status: 'pending', attempts: 1, error: 'refused', sent: false },
      { key: two, channel: 'email', status: 'pending', attempts: 0, error: null, sent: false },
      { key: two, channel: 'webhook', status: 'failed', attempts: 1, error: 'gone', sent: false },
    ]);
  });

  it("drops what a lost workflow task recorded in the outbox, at the run's next recording from a task", async () => {
    const id = randomUUID();
    const run = randomUUID();
    const message = (seq: number) => tenderClosedMessage(id, seq);
    const record = (seq: number, historyLength: number, lastRecordedIn: number, runId = run) =>
      recordInOutbox(ds, message(seq), { subject: 's', body: 'b', link: 'l' }, ['email'], {
        runId,
        historyLength,
        lastRecordedIn,
      });
    const keys = async () =>
      (await ds.query('SELECT key FROM notifications WHERE commission_id = $1 ORDER BY key', [id])).map(
        (r: { key: string }) => r.key,
      );
    // Task 10 recorded seq 2 and is in history; task 20 recorded seq 3 and was lost; task 30 (the
    // retry, whose command took seq 4 behind another) records again: seq 3 goes, nothing else.
    expect(await record(2, 10, 0)).toEqual({ recorded: true, dropped: [] });
    expect(await record(3, 20, 10)).toEqual({ recorded: true, dropped: [] });
    // A second recording of one task keeps the first's, and a retried recording is a no-op.
    expect(await record(3, 20, 10)).toEqual({ recorded: false, dropped: [] });
    expect(await record(4, 30, 10)).toEqual({ recorded: true, dropped: [message(3).key] });
    expect(await record(5, 30, 10)).toEqual({ recorded: true, dropped: [] });
    expect(await keys()).toEqual([2, 4, 5].map((seq) => message(seq).key));
    // Another run's rows and rows without a task (an ordinary activity's) are never a lost task's,
    // nor (a safety net: only a task in history schedules a delivery) a row an attempt touched.
    await recordInOutbox(ds, message(6), { subject: 's', body: 'b', link: 'l' }, ['email']);
    expect(await record(7, 40, 30, randomUUID())).toEqual({ recorded: true, dropped: [] });
    expect(await record(8, 50, 30)).toEqual({ recorded: true, dropped: [] });
    await markAttempts(ds, [
      { key: message(8).key, channel: 'email', outcome: { sent: false, error: 'refused', final: false } },
    ]);
    expect(await record(9, 60, 40)).toEqual({ recorded: true, dropped: [] });
    expect(await keys()).toEqual([2, 4, 5, 6, 7, 8, 9].map((seq) => message(seq).key));
    // A lost task's row under the very key its retry records (the usual case: the same seq) is
    // recorded over, as the retry's, with the retry's text.
    expect(await record(10, 70, 60)).toEqual({ recorded: true, dropped: [] });
    const retried = { ...message(10), scheduledFor: '2030-01-01T00:00:05.000Z' };
    expect(
      await recordInOutbox(ds, retried, { subject: 's2', body: 'b', link: 'l' }, ['email'], {
        runId: run,
        historyLength: 80,
        lastRecordedIn: 60,
      }),
    ).toEqual({ recorded: true, dropped: [] });
    expect(
      await ds.query(
        `SELECT recorded_in_task, subject, scheduled_for = '2030-01-01T00:00:05Z' AS retried FROM notifications WHERE key = $1`,
        [retried.key],
      ),
    ).toEqual([{ recorded_in_task: 80, subject: 's2', retried: true }]);
    // An attempt still writing after its task was superseded (a worker cut off from Temporal) is
    // further back in history than the retry: it never drops the retry's rows, nor records over them.
    expect(await record(11, 100, 80)).toEqual({ recorded: true, dropped: [] });
    expect(await record(11, 90, 80)).toEqual({ recorded: false, dropped: [] });
    expect(await record(12, 90, 80)).toEqual({ recorded: true, dropped: [] });
    expect(
      await ds.query(`SELECT recorded_in_task FROM notifications WHERE key = $1`, [message(11).key]),
    ).toEqual([{ recorded_in_task: 100 }]);
    const deliveries = await ds.query(
      `SELECT count(*)::int AS n FROM notification_deliveries d JOIN notifications n ON n.key = d.notification_key
        WHERE n.commission_id = $1`,
      [id],
    );
    expect(deliveries).toEqual([{ n: 10 }]);
    // A task's several notifications in one statement: a lost task's row under another key goes,
    // one under a key of the batch is recorded over.
    expect(await record(13, 110, 100)).toEqual({ recorded: true, dropped: [] });
    expect(await record(14, 110, 100)).toEqual({ recorded: true, dropped: [] });
    const batch = [14, 15].map((seq) => ({
      n: message(seq),
      text: { subject: 'batch', body: 'b', link: 'l' },
    }));
    expect(
      await recordAllInOutbox(ds, batch, ['email'], { runId: run, historyLength: 120, lastRecordedIn: 100 }),
    ).toEqual({ recorded: [message(14).key, message(15).key], dropped: [message(13).key] });
    expect(
      await ds.query(
        `SELECT key, recorded_in_task, subject FROM notifications WHERE key = ANY($1) ORDER BY key`,
        [[13, 14, 15].map((seq) => message(seq).key)],
      ),
    ).toEqual([14, 15].map((seq) => ({ key: message(seq).key, recorded_in_task: 120, subject: 'batch' })));
  });

  it("drops what a lost attempt of an update's task recorded, when its retry records at the same history length", async () => {
    const id = randomUUID();
    const run = randomUUID();
    const key = (seq: number) => tenderClosedMessage(id, seq).key;
    // An update's task is speculative: lost, nothing of it is in history, and its retry begins at the
    // same history length (40 here), with a later clock.
    const record = (seqs: number[], startedMs?: number, historyLength = 40) =>
      recordAllInOutbox(
        ds,
        seqs.map((seq) => ({
          n: tenderClosedMessage(id, seq),
          text: { subject: 's', body: 'b', link: 'l' },
        })),
        ['email'],
        { runId: run, historyLength, lastRecordedIn: 30, startedMs },
      );
    const rows = async (): Promise<[string, number | null][]> =>
      (
        await ds.query(
          'SELECT key, recorded_task_started_ms::int AS started FROM notifications WHERE commission_id = $1 ORDER BY key',
          [id],
        )
      ).map((r: { key: string; started: number | null }): [string, number | null] => [r.key, r.started]);
    // One attempt's two writes share its clock: the second keeps the first's rows.
    expect(await record([3], 1000)).toEqual({ recorded: [key(3)], dropped: [] });
    expect(await record([4], 1000)).toEqual({ recorded: [key(4)], dropped: [] });
    // The attempt is lost. Its retry records 4 again (recorded over, as the retry's) and 5; 3 goes.
    expect(await record([4, 5], 2000)).toEqual({ recorded: [key(4), key(5)], dropped: [key(3)] });
    // The lost attempt, still writing, neither drops nor records over the retry's rows.
    expect(await record([5], 1000)).toEqual({ recorded: [], dropped: [] });
    expect(await rows()).toEqual([
      [key(4), 2000],
      [key(5), 2000],
    ]);
    // A row recorded before the clock was kept is never taken for a lost attempt's, nor is a row
    // that a delivery attempt touched.
    expect(await record([6], undefined)).toEqual({ recorded: [key(6)], dropped: [] });
    await markAttempts(ds, [
      { key: key(5), channel: 'email', outcome: { sent: false, error: 'refused', final: false } },
    ]);
    expect(await record([7], 3000)).toEqual({ recorded: [key(7)], dropped: [key(4)] });
    expect((await rows()).map(([k]) => k)).toEqual([key(5), key(6), key(7)]);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const id = randomUUID();
    await projectCommissionEvent(ds, projection(id, 1));
    await expect(
      ds.query(`UPDATE audit_events SET action = 'forged' WHERE commission_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM audit_events WHERE commission_id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
  });
});
