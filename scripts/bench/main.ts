/**
 * `npm run bench`: the product against the engine's own limit on the same server, and the other
 * numbers issue 14 asks for. Starts its own Temporal dev server, database, worker and API unless
 * given a running system (--api, --temporal). Never part of the test command. See `--help`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseBenchArgs, type BenchArgs } from './args';
import { measureList } from './list';
import { benchPeople } from './people';
import { ROOT, installInterruptHandler, memoryOf, type Child } from './processes';
import { measureReminderLateness } from './reminders';
import { machine, toMarkdown, type BenchReport } from './report';
import { measureWorkerRss } from './rss';
import { measureStartup } from './startup';
import { openSystem, startRawWorker, type System } from './system';
import { measureThroughput } from './throughput';

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

async function run(args: BenchArgs, system: System, report: BenchReport): Promise<void> {
  const cast = benchPeople(system.config);
  const has = (s: BenchArgs['only'][number]) => args.only.includes(s);
  if (has('throughput')) {
    log(
      `throughput: ${args.lifecycles} lifecycles through the ${args.through} × ${args.rounds} rounds per side, ${args.concurrency} clients, ` +
        `after ${args.warmup} untimed`,
    );
    let raw: Child | undefined;
    try {
      raw = await startRawWorker(system);
      report.throughput = await measureThroughput(system, cast, args, log);
    } finally {
      await raw?.stop();
    }
  }
  if (has('list')) {
    log(`list: ${args.listRows} commissions`);
    report.list = await measureList(system, cast, { rows: args.listRows, requests: 100 }, log);
  }
  if (has('reminders')) {
    log(`reminders: ${args.reminders} due across ${args.reminderWindow} s`);
    report.reminders = await measureReminderLateness(
      { api: system.api, databaseUrl: system.config.databaseUrl },
      cast,
      {
        reminders: args.reminders,
        window: args.reminderWindow,
        dueIn: args.dueIn,
        concurrency: args.concurrency,
        cancelAfter: !system.own,
      },
      log,
    );
  }
  if (has('rss')) {
    log(`rss: ${args.open} open commissions`);
    // What the earlier sections' bursts left in the worker is reported, then a fresh worker
    // measures what the section names: the memory that open commissions hold.
    let leftByEarlierSectionsMb: number | undefined;
    if (system.own && (has('throughput') || has('list') || has('reminders')) && system.workerPid) {
      leftByEarlierSectionsMb = memoryOf(system.workerPid).rssMb;
      log(`  the worker holds ${leftByEarlierSectionsMb} MB after the earlier sections; restarting it`);
      await system.restartProduct();
    }
    report.rss = await measureWorkerRss(
      system,
      cast,
      { open: args.open, concurrency: args.concurrency },
      log,
    );
    report.rss.leftByEarlierSectionsMb = leftByEarlierSectionsMb;
  }
  if (has('startup')) {
    log(`startup: ${args.startups} starts`);
    await system.stopProduct();
    report.startup = await measureStartup(system, { starts: args.startups, port: args.apiPort }, log);
  }
}

function write(args: BenchArgs, report: BenchReport): void {
  const dir = path.resolve(ROOT, args.out);
  mkdirSync(dir, { recursive: true });
  const stamp = report.at.replace(/[:.]/g, '-');
  const markdown = toMarkdown(report);
  writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(path.join(dir, `${stamp}.md`), markdown);
  writeFileSync(path.join(dir, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  log(`results: ${path.relative(ROOT, path.join(dir, stamp))}.{json,md} (and latest.md)`);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const report: BenchReport = {
    at: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: machine(),
    server: '',
    worker: {},
  };
  installInterruptHandler(log);
  log(args.api ? `using the running system at ${args.api}` : 'starting a system of its own');
  const system = await openSystem(args, args.only.includes('startup'), log);
  report.server = system.server;
  report.worker = { ...system.config.worker };
  try {
    await run(args, system, report);
  } finally {
    report.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
    await system.stop();
    // What was measured before a failure is still worth keeping.
    write(args, report);
  }
  const t = report.throughput;
  if (t && t.product.errors + t.raw.errors > 0) {
    log(`${t.product.errors + t.raw.errors} lifecycles failed: the throughput is not a measurement`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
