/**
 * Measures how late reminders go out on a running system (the embedded default by default): the
 * reminders section of `npm run bench` (scripts/bench/reminders.ts) against the API and database of
 * the configuration, failing if any reminder is missing or later than 2 s. Cancels its commissions.
 *
 *   npm run bench:reminders -- [--commissions 25] [--due-in 60] [--concurrency 4]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@app/config';
import { benchPeople } from './bench/people';
import { measureReminderLateness } from './bench/reminders';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      commissions: { type: 'string', default: '25' },
      'due-in': { type: 'string', default: '60' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  const config = loadConfig();
  const result = await measureReminderLateness(
    { api: `http://127.0.0.1:${config.http.port}/v1`, databaseUrl: config.databaseUrl },
    benchPeople(config),
    {
      reminders: Number(values.commissions) * 2,
      window: 0,
      dueIn: Number(values['due-in']),
      concurrency: Number(values.concurrency),
      cancelAfter: true,
    },
    (line) => console.log(line),
  );
  const l = result.lateness;
  console.log(`reminders delivered: ${result.delivered} of ${result.expected}`);
  console.log(`lateness ms: median ${l.p50}  p95 ${l.p95}  p99 ${l.p99}  worst ${l.max}`);
  if (result.delivered < result.expected || l.max > 2000) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
