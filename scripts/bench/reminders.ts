import { Client as PgClient } from 'pg';
import { call, newCommission, type BenchCast } from './people';
import { pool, summarise, type Summary } from './stats';

export interface RemindersResult {
  commissions: number;
  expected: number;
  delivered: number;
  /** delivered at − scheduled for, ms */
  lateness: Summary;
}

const OFFSETS = ['PT40S', 'PT20S'];

/**
 * Reminder lateness with many due in the same minute: opens ⌈reminders / 2⌉ commissions, then
 * submits them all with one sign-off deadline `dueIn` seconds ahead and reminders 40 s and 20 s
 * before it, and reads from the outbox when each went out (delivered at − scheduled for).
 */
export async function measureReminderLateness(
  target: { api: string; databaseUrl: string },
  cast: BenchCast,
  opts: { reminders: number; dueIn: number; concurrency: number; cancelAfter: boolean },
  log: (line: string) => void,
): Promise<RemindersResult> {
  const n = Math.ceil(opts.reminders / OFFSETS.length);
  const expected = n * OFFSETS.length;
  const o = cast.officer.token;
  const ids: string[] = [];
  log(`  opening ${n} commissions (${expected} reminders, ${OFFSETS.join(' and ')} before one deadline)`);
  await pool(n, opts.concurrency, async (i) => {
    const c = await call(
      target.api,
      o,
      'POST',
      '/commissions',
      newCommission(cast, `Reminder benchmark ${i + 1}`, {
        reminderPolicy: { before: OFFSETS, overdueEvery: 'PT1H' },
      }),
    );
    await call(target.api, o, 'PUT', `/commissions/${String(c.id)}/specification`, {
      content: '# Benchmark',
    });
    ids.push(String(c.id));
  });

  const dueAt = Date.now() + opts.dueIn * 1000;
  const firstReminder = dueAt - 40_000;
  log(`  submitting them all, sign-off due ${new Date(dueAt).toISOString()}`);
  await pool(ids.length, opts.concurrency, async (i) => {
    await call(target.api, o, 'POST', `/commissions/${ids[i]}/specification/submit`, {
      respondBy: new Date(dueAt).toISOString(),
    });
  });
  if (Date.now() > firstReminder) {
    throw new Error(
      `submitting took longer than the first reminder is away: raise --due-in (was ${opts.dueIn} s)`,
    );
  }

  const pg = new PgClient({ connectionString: target.databaseUrl });
  await pg.connect();
  let lateness: number[] = [];
  try {
    // Long enough for a slow machine to catch up; what is still undelivered then is reported.
    const deadline = dueAt + 300_000;
    let last = -1;
    for (;;) {
      const { rows } = await pg.query<{ late_ms: number }>(
        `SELECT extract(epoch FROM max(d.sent_at) - n.scheduled_for) * 1000 AS late_ms
           FROM notifications n JOIN notification_deliveries d ON d.notification_key = n.key
          WHERE n.commission_id = ANY($1::uuid[]) AND n.kind = 'reminder'
          GROUP BY n.key, n.scheduled_for
         HAVING bool_and(d.status = 'sent')`,
        [ids],
      );
      lateness = rows.map((r) => Number(r.late_ms));
      if (lateness.length !== last && Date.now() > firstReminder) {
        log(`  reminders delivered: ${lateness.length}/${expected}`);
        last = lateness.length;
      }
      if (lateness.length >= expected || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await pg.end();
  }
  if (opts.cancelAfter) {
    await pool(ids.length, opts.concurrency, async (i) => {
      await call(target.api, o, 'POST', `/commissions/${ids[i]}/cancel`, { reason: 'benchmark finished' });
    });
  }
  return { commissions: n, expected, delivered: lateness.length, lateness: summarise(lateness) };
}
