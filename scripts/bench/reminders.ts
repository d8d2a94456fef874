import { Client as PgClient } from 'pg';
import { call, newCommission, type BenchCast } from './people';
import { pool, summarise, type Summary } from './stats';

export interface RemindersResult {
  commissions: number;
  /** Seconds the reminders fell due across (0: each offset's at one instant). */
  window: number;
  expected: number;
  delivered: number;
  /** delivered at − scheduled for, ms */
  lateness: Summary;
}

const OFFSETS = ['PT40S', 'PT20S'];
/** The seconds between the first and the last offset. */
const OFFSETS_SPAN = 20;

/**
 * Reminder lateness with many due in the same minute: opens ⌈reminders / 2⌉ commissions, then
 * submits them with sign-off deadlines about `dueIn` seconds ahead and reminders 40 s and 20 s
 * before each, and reads from the outbox when each went out (delivered at − scheduled for). With a
 * window, the deadlines are spread evenly so that every reminder falls due within `window` seconds;
 * with none, each offset's reminders are all due at one instant.
 */
export async function measureReminderLateness(
  target: { api: string; databaseUrl: string },
  cast: BenchCast,
  opts: { reminders: number; window: number; dueIn: number; concurrency: number; cancelAfter: boolean },
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
  const spreadMs = Math.max(0, opts.window - OFFSETS_SPAN) * 1000;
  const dueOf = (i: number) => dueAt + Math.floor((i * spreadMs) / ids.length);
  log(
    `  submitting them all, sign-off due from ${new Date(dueAt).toISOString()}` +
      (spreadMs ? ` to ${new Date(dueOf(ids.length - 1)).toISOString()}` : ''),
  );
  await pool(ids.length, opts.concurrency, async (i) => {
    await call(target.api, o, 'POST', `/commissions/${ids[i]}/specification/submit`, {
      respondBy: new Date(dueOf(i)).toISOString(),
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
  return {
    commissions: n,
    window: opts.window,
    expected,
    delivered: lateness.length,
    lateness: summarise(lateness),
  };
}
