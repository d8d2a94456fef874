/**
 * Records workflow histories from real runs for the replay test. Run it when a deliberate,
 * versioned change to the workflow needs new histories (old ones stay: they are the point):
 *
 *   ./scripts/record-histories              # scenarios not recorded yet
 *   ./scripts/record-histories --tag v2     # every scenario again, on the current code
 *
 * It drives commissions through the real API against the test Temporal server and writes each
 * run's history to test/replay/histories/<scenario>.json.
 */
import 'tsconfig-paths/register';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commissionWorkflowId } from '@app/contracts';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people } from '../support/people';
import { startWorld, type World } from '../support/world';

/** A scenario opens one commission, drives it, and returns its id. */
type Scenario = (world: World, opened: (id: string) => Promise<void>) => Promise<void>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Scenarios recorded from their last run rather than their first: the test server suggests
 * continuing as new after 120 events, so what they are about happens in a resumed run.
 */
const RECORD_LAST_RUN = new Set([
  'tender-questions-bids-close',
  'award-challenge-contract',
  'scoring-deadline-reminds-escalates-and-meets',
]);

/** Scenarios whose first run and, when it continued as new, last run are both recorded. */
const RECORD_BOTH_RUNS = new Set([
  'award-challenge-contract',
  'scoring-deadline-reminds-escalates-and-meets',
]);

/**
 * Scenarios whose every run is recorded, once the workflow has ended: a lifecycle long enough to
 * continue as new more than once, whose middle runs hold what they are about (delivery's overdue).
 */
const RECORD_EVERY_RUN = new Set(['delivery-overdue-revise-complete']);

/** Every run of one workflow id, oldest first, after waiting (up to 60 s) for the last to end. */
async function everyRun(world: World, workflowId: string): Promise<{ workflowId: string; runId: string }[]> {
  for (let i = 0; i < 120; i++) {
    const d = await world.client.workflow.getHandle(workflowId).describe();
    if (d.status.name !== 'RUNNING') break;
    await sleep(500);
  }
  const runs: { runId: string; startTime: Date }[] = [];
  for await (const w of world.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    runs.push({ runId: w.runId, startTime: w.startTime });
  }
  runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  return runs.map((r) => ({ workflowId, runId: r.runId }));
}

/**
 * A below-threshold commission with a one-member panel, signed off and published: its questions
 * close in `questionsCloseInMs`, its bids in `closesInMs`. `opened` is told as soon as it exists.
 */
async function publishedTender(
  world: World,
  opened: (id: string) => Promise<void>,
  o: {
    reminderPolicy: { before: string[]; overdueEvery: string };
    questionsCloseInMs: number;
    closesInMs: number;
    evaluationPeriod?: string;
  },
) {
  const officer = world.as(people.officer);
  const { body } = await officer.post(
    '/v1/commissions',
    CommissionFactory.withPanel(1)
      .unanimous()
      .with({ estimatedValue: 50_000, reminderPolicy: o.reminderPolicy })
      .build(),
  );
  await opened(body.id);
  const base = `/v1/commissions/${body.id}`;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  await officer.put(`${base}/specification`, { content: '# v1' });
  await officer.post(`${base}/specification/submit`, { respondBy: inOneHour() });
  await world.as(people.chair).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 1 });
  await officer.post(`${base}/tender`, {
    closesAt: at(o.closesInMs),
    clarificationsCloseAt: at(o.questionsCloseInMs),
    criteria: [
      { name: 'Quality', kind: 'quality', weight: 70 },
      { name: 'Price', kind: 'price', weight: 30 },
    ],
    ...(o.evaluationPeriod ? { evaluationPeriod: o.evaluationPeriod } : {}),
  });
  const bid = async (who: typeof people.supplier, price: number) =>
    (await world.as(who).post(`${base}/bids`, { price, proposal: 'ours' })).body.receipt.bidId as string;
  return { officer, base, at, bid };
}

const scenarios: Record<string, Scenario> = {
  async 'deadlines-remind-move-escalate-and-meet'(world, opened) {
    const officer = world.as(people.officer);
    const { body } = await officer.post(
      '/v1/commissions',
      CommissionFactory.withPanel(2)
        .unanimous()
        .with({ reminderPolicy: { before: ['PT2S'], overdueEvery: 'PT1S' } })
        .build(),
    );
    await opened(body.id);
    const base = `/v1/commissions/${body.id}`;
    await officer.put(`${base}/specification`, { content: '# v1' });
    await officer.post(`${base}/specification/submit`, {
      respondBy: new Date(Date.now() + 4000).toISOString(),
    });
    await sleep(2500); // the first reminder goes out
    await officer.post(`${base}/deadlines`, {
      milestone: 'sign-off',
      dueAt: new Date(Date.now() + 3000).toISOString(),
      reason: 'recorded scenario moves it',
    });
    await sleep(4500); // the moved reminder, then escalations
    await world.as(people.chair).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 1 });
    await world.as(people.wood).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 1 });
    await officer.post(`${base}/cancel`, { reason: 'recorded scenario ends' });
  },
  async 'sign-off-round-with-changes'(world, opened) {
    const officer = world.as(people.officer);
    const { body } = await officer.post(
      '/v1/commissions',
      CommissionFactory.withPanel(3).quorum(2, true).build(),
    );
    await opened(body.id);
    const base = `/v1/commissions/${body.id}`;
    await officer.put(`${base}/specification`, { content: '# v1' });
    await officer.put(`${base}/specification`, { content: '# v2' });
    await officer.post(`${base}/specification/submit`, { respondBy: inOneHour() });
    await world
      .as(people.wood)
      .post(`${base}/sign-offs`, { decision: 'request-changes', specificationVersion: 2, comment: 'more' });
    await officer.put(`${base}/specification`, { content: '# v3' });
    await officer.post(`${base}/specification/submit`, { respondBy: inOneHour() });
    await world.as(people.wood).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 3 });
    await world.as(people.wood).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 3 });
    await world.as(people.chair).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 3 });
    await world
      .as(people.trowler)
      .post(`${base}/conflicts`, { supplier: 'Acme Research', reason: 'former employer' });
    await officer.post(`${base}/cancel`, { reason: 'recorded scenario ends' });
  },
  async 'refusals-and-cancel'(world, opened) {
    const officer = world.as(people.officer);
    const { body } = await officer.post(
      '/v1/commissions',
      CommissionFactory.withPanel(2).unanimous().build(),
    );
    await opened(body.id);
    const base = `/v1/commissions/${body.id}`;
    await officer.post(`${base}/specification/submit`, { respondBy: inOneHour() });
    await world.as(people.wood).put(`${base}/specification`, { content: '# not the chair' });
    await officer.put(`${base}/specification`, { content: '# v1' });
    await officer.post(`${base}/specification/submit`, { respondBy: inOneHour() });
    await world.as(people.wood).post(`${base}/sign-offs`, { decision: 'approve', specificationVersion: 9 });
    await officer.post(`${base}/cancel`, { reason: 'withdrawn' });
  },
  async 'continued-as-new'(world, opened) {
    const officer = world.as(people.officer);
    const { body } = await officer.post(
      '/v1/commissions',
      CommissionFactory.withPanel(3).unanimous().build(),
    );
    await opened(body.id);
    const base = `/v1/commissions/${body.id}`;
    for (let i = 0; i < 14; i++) {
      await world.as(people.trowler).post(`${base}/conflicts`, { supplier: `Supplier ${i}`, reason: 'r' });
    }
  },
  async 'tender-questions-bids-close'(world, opened) {
    const { officer, base } = await publishedTender(world, opened, {
      reminderPolicy: { before: ['P1D'], overdueEvery: 'PT1H' },
      questionsCloseInMs: 4000,
      closesInMs: 9000,
    });
    // Few steps, so the close happens before the server suggests continuing as new.
    await world.as(people.supplier).post(`${base}/clarifications`, { question: 'Left unanswered?' });
    await world.as(people.supplier).post(`${base}/bids`, { price: 100, proposal: 'first' });
    await world.as(people.supplier).post(`${base}/bids`, { price: 95, proposal: 'replaced' });
    await sleep(10_500); // the questions close (the unanswered one escalates), then the tender
    await world.as(people.third).post(`${base}/bids`, { price: 1, proposal: 'late' });
    await officer.post(`${base}/cancel`, { reason: 'recorded scenario ends' });
  },
  async 'award-challenge-contract'(world, opened) {
    const { officer, base, bid } = await publishedTender(world, opened, {
      reminderPolicy: { before: ['P1D'], overdueEvery: 'P1D' },
      questionsCloseInMs: 4000,
      closesInMs: 5000,
    });
    const bids = [await bid(people.supplier, 100), await bid(people.rival, 90)];
    await sleep(6_000); // the tender closes
    for (const [bidId, score] of [
      [bids[0], 80],
      [bids[1], 60],
    ] as const) {
      await world.as(people.chair).post(`${base}/evaluations`, {
        bidId,
        scores: [{ criterion: 'Quality', score, comment: 'recorded' }],
      });
    }
    await officer.post(`${base}/award`, {
      bidId: bids[0],
      rationale: 'recorded',
      voluntaryStandstill: 'PT2S',
    });
    const { body: c } = await officer.post(`${base}/challenges`, { reason: 'recorded claim' });
    await sleep(3_000); // the standstill ends, suspended
    await officer.post(`${base}/challenges/${c.challenge.id}/lift`, { reason: 'recorded lift' });
    await officer.post(`${base}/cancel`, { reason: 'recorded scenario ends' });
  },
  async 'scoring-deadline-reminds-escalates-and-meets'(world, opened) {
    const { officer, base, bid } = await publishedTender(world, opened, {
      reminderPolicy: { before: ['PT2S'], overdueEvery: 'PT1S' },
      questionsCloseInMs: 3000,
      closesInMs: 4000,
      evaluationPeriod: 'PT3S',
    });
    const bids = [await bid(people.supplier, 100), await bid(people.rival, 90)];
    await sleep(5_000); // the tender closes
    const score = (bidId: string) =>
      world.as(people.chair).post(`${base}/evaluations`, {
        bidId,
        scores: [{ criterion: 'Quality', score: 70, comment: 'recorded' }],
      });
    await score(bids[0]);
    await sleep(4_500); // the reminder, then escalations
    await score(bids[1]); // the last score meets the deadline
    await officer.post(`${base}/cancel`, { reason: 'recorded scenario ends' });
  },
  async 'delivery-overdue-revise-complete'(world, opened) {
    const { officer, base, at, bid } = await publishedTender(world, opened, {
      reminderPolicy: { before: ['P1D'], overdueEvery: 'P1D' },
      questionsCloseInMs: 3000,
      closesInMs: 4000,
    });
    const bidId = await bid(people.supplier, 100);
    await sleep(5_000); // the tender closes
    await world.as(people.chair).post(`${base}/evaluations`, {
      bidId,
      scores: [{ criterion: 'Quality', score: 70, comment: 'recorded' }],
    });
    await officer.post(`${base}/award`, {
      bidId,
      rationale: 'recorded',
      voluntaryStandstill: 'PT2S',
    });
    await sleep(3_000); // the standstill ends: in delivery
    await officer.post(`${base}/deadlines`, {
      milestone: 'interim-report',
      dueAt: at(2000),
      reason: 'recorded',
    });
    await sleep(3_000); // the interim report is overdue: escalated and recorded
    const supplier = world.as(people.supplier);
    const sent = await supplier.post(`${base}/reports`, { kind: 'interim', content: '# Interim v1' });
    const interim = sent.body.report.reportId as string;
    await world
      .as(people.chair)
      .post(`${base}/reports/${interim}/review`, { decision: 'revise', comments: 'more' });
    await supplier.post(`${base}/reports`, { kind: 'interim', content: '# Interim v2' });
    await world.as(people.chair).post(`${base}/reports/${interim}/review`, { decision: 'accept' });
    const final = await supplier.post(`${base}/reports`, { kind: 'final', content: '# Final' });
    await officer.post(`${base}/contract/notice`, {});
    await officer.post(`${base}/reports/${final.body.report.reportId}/review`, { decision: 'accept' });
  },
};

function temporalCli(): string {
  const gopath = execFileSync('go', ['env', 'GOPATH']).toString().trim();
  return path.join(gopath, 'bin', 'temporal');
}

async function main(): Promise<void> {
  const world = await startWorld();
  try {
    // Histories already recorded are kept as they are: they stand for workflows already running.
    const force = process.argv.includes('--force');
    // `--tag T` records every scenario again as <scenario>.T.json, beside the older recordings.
    const tagAt = process.argv.indexOf('--tag');
    const tag = tagAt > 0 ? process.argv[tagAt + 1] : undefined;
    for (const [name, run] of Object.entries(scenarios)) {
      const file = path.join(__dirname, 'histories', `${name}${tag ? `.${tag}` : ''}.json`);
      if (existsSync(file) && !force) {
        console.log(`kept ${name} (recorded earlier)`);
        continue;
      }
      // The first run is the one recorded: for a workflow that continued as new, it is the run
      // whose history ends by handing its state on.
      let first: { workflowId: string; runId: string } | undefined;
      await run(world, async (id) => {
        const workflowId = commissionWorkflowId(id);
        first = { workflowId, runId: (await world.client.workflow.getHandle(workflowId).describe()).runId };
      });
      let runs = [first!];
      if (RECORD_EVERY_RUN.has(name)) runs = await everyRun(world, first!.workflowId);
      if (RECORD_LAST_RUN.has(name)) {
        const workflowId = first!.workflowId;
        const last = {
          workflowId,
          runId: (await world.client.workflow.getHandle(workflowId).describe()).runId,
        };
        // Both runs where asked for (RECORD_BOTH_RUNS): what happens before and after the hand-over.
        runs.splice(
          0,
          1,
          ...(RECORD_BOTH_RUNS.has(name) && last.runId !== first!.runId ? [first!, last] : [last]),
        );
      }
      for (const [i, run] of runs.entries()) {
        const out =
          i === 0 ? file : file.replace(/\.json$/, i === 1 ? '.resumed.json' : `.resumed-${i}.json`);
        // The CLI writes the proto3 JSON form that Worker.runReplayHistory reads back.
        const json = execFileSync(temporalCli(), [
          'workflow',
          'show',
          '--address',
          world.config.temporal.address,
          '--workflow-id',
          run.workflowId,
          '--run-id',
          run.runId,
          '--output',
          'json',
        ]).toString();
        writeFileSync(out, json);
        const events = (JSON.parse(json) as { events: unknown[] }).events.length;
        console.log(`recorded ${name}: ${events} events -> ${path.relative(process.cwd(), out)}`);
      }
    }
  } finally {
    await world.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
