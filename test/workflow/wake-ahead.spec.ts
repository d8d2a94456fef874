import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  COMMISSION_WORKFLOW_TYPE,
  EditSpecificationUpdate,
  MoveDeadlineUpdate,
  SubmitSpecificationUpdate,
  commissionWorkflowId,
} from '@app/contracts';
import type { commissionWorkflowV5 } from '@app/workflows';
import { timerFor, WAKE_AHEAD_MS } from '../../workflows/commission/kernel/scheduler';
import { eventually } from '../support/eventually';
import { newCommission, people } from '../unit/fixtures';
import { startStubWorker } from './stub-worker';

/** How long the slow task's write takes: under WAKE_AHEAD_MS, as a busy task's is here. */
const SLOW_WRITE_MS = 700;
/** How far ahead of the move its reminder falls due (PT3S before the deadline). */
const AHEAD_MS = 5000;

describe('a deadline set by a slow task (the workflow clock is the task’s start, the timer the task’s end)', () => {
  let stub: Awaited<ReturnType<typeof startStubWorker>>;
  let slowWrites = false;
  beforeAll(async () => {
    stub = await startStubWorker({ projectionDelayMs: () => (slowWrites ? SLOW_WRITE_MS : 0) });
  });
  afterAll(() => stub.stop());

  async function open(workflowType: string): Promise<WorkflowHandle<typeof commissionWorkflowV5>> {
    const commission = newCommission({
      id: randomUUID(),
      reminderPolicy: { before: ['PT3S'], overdueEvery: 'PT1H' },
    });
    const h = await stub.client.workflow.start<typeof commissionWorkflowV5>(workflowType, {
      workflowId: commissionWorkflowId(commission.id),
      taskQueue: stub.taskQueue,
      args: [{ kind: 'open', commission }],
    });
    await h.executeUpdate(EditSpecificationUpdate, {
      args: [{ actor: people.officer, content: 'text', contentHash: 'h:text' }],
    });
    await h.executeUpdate(SubmitSpecificationUpdate, {
      args: [{ actor: people.officer, respondBy: new Date(Date.now() + 3600_000).toISOString() }],
    });
    return h;
  }

  it('waits for a far time in two timers when the run wakes ahead, and in one otherwise', () => {
    expect(timerFor(60_000, true)).toBe(60_000 - WAKE_AHEAD_MS);
    expect(timerFor(2 * WAKE_AHEAD_MS, true)).toBe(2 * WAKE_AHEAD_MS);
    expect(timerFor(60_000, false)).toBe(60_000);
  });

  it('sends the reminder on time in a run of the current type; a V4 run sends it as late as the task was slow', async () => {
    const current = await open(COMMISSION_WORKFLOW_TYPE);
    const v4 = await open('commissionWorkflowV4');
    // The move's task plans the reminder AHEAD_MS ahead, then spends SLOW_WRITE_MS writing it.
    slowWrites = true;
    const dueAt = new Date(Date.now() + AHEAD_MS + 3000).toISOString();
    try {
      await Promise.all(
        [current, v4].map((h) =>
          h.executeUpdate(MoveDeadlineUpdate, {
            args: [{ actor: people.officer, milestone: 'sign-off', dueAt, reason: 'sooner' }],
          }),
        ),
      );
    } finally {
      slowWrites = false;
    }
    const lateness = async (h: WorkflowHandle) => {
      const key = `${h.workflowId.replace('commission-', '')}:sign-off:v2:before:PT3S`;
      const at = await eventually(
        () => stub.seen.recordedAt.get(key),
        (t) => t !== undefined,
        15_000,
        `the reminder ${key}`,
      );
      return at! - (Date.parse(dueAt) - 3000);
    };
    const [onTime, late] = await Promise.all([lateness(current), lateness(v4)]);
    // The V4 reminder is late by the write at least; the current one by less than the write.
    expect(late).toBeGreaterThanOrEqual(SLOW_WRITE_MS - 100);
    expect(onTime).toBeLessThan(SLOW_WRITE_MS - 100);
    // The current run waited in two timers: to a second before, then the rest; V4 in one.
    const timersOf = async (h: WorkflowHandle) =>
      (await h.fetchHistory()).events!.flatMap((e) => {
        const d = e.timerStartedEventAttributes?.startToFireTimeout;
        if (!d) return [];
        const data = e.userMetadata?.summary?.data;
        return [
          {
            ms: Number(d.seconds) * 1000 + Math.round((d.nanos ?? 0) / 1e6),
            summary: data ? (JSON.parse(Buffer.from(data).toString('utf8')) as string) : '',
          },
        ];
      });
    // A timer is counted from its task's start, which a loaded machine delays.
    const near = (ms: number, around: number) => ms > around - 1500 && ms <= around;
    const currentTimers = await timersOf(current);
    const ahead = currentTimers.findIndex((t) => near(t.ms, AHEAD_MS - WAKE_AHEAD_MS));
    expect(ahead).toBeGreaterThanOrEqual(0);
    expect(currentTimers[ahead + 1].ms).toBeLessThan(WAKE_AHEAD_MS);
    // The Web UI names the first as waking ahead, the second as the milestone's own.
    expect(currentTimers[ahead].summary).toMatch(/^sign-off \(due .+\), waking a second ahead$/);
    expect(currentTimers[ahead + 1].summary).toMatch(/^sign-off \(due [^)]+\)$/);
    expect((await timersOf(v4)).filter((t) => near(t.ms, AHEAD_MS))).toHaveLength(1);
  });
});
