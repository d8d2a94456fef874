import { workflowInfo } from '@temporalio/workflow';
import type { NotificationRequest, RecordingTask } from '@app/contracts';
import type { LocalActivityLane } from './local-activity-lane';

type RecordInTask = (n: NotificationRequest, by: RecordingTask) => Promise<void>;

/**
 * Names the task that records notifications now, and the run's last earlier task that recorded
 * any: the outbox drops what a task between the two recorded, a task lost before it reached history.
 */
export class RecordingTasks {
  private currentTask = 0;
  private currentStartedMs = 0;
  private lastRecordedIn = 0;

  /** Asked once per recording: a task that asks has recorded. */
  now(): RecordingTask {
    const info = workflowInfo();
    if (info.historyLength !== this.currentTask) {
      // A new task: the one that recorded before it is in history, or this run would not know it.
      if (this.currentTask !== 0) this.lastRecordedIn = this.currentTask;
      this.currentTask = info.historyLength;
      // The clock as this attempt began recording, kept for the task's later writes: a lost
      // attempt of an update's task has the same history length, and an earlier clock.
      this.currentStartedMs = Date.now();
    }
    return {
      runId: info.runId,
      historyLength: info.historyLength,
      lastRecordedIn: this.lastRecordedIn,
      startedMs: this.currentStartedMs,
    };
  }
}

/**
 * Records notifications from inside the workflow task that raised them (a local activity), so a
 * command's notification costs no activity task of its own, nor the workflow task its completion
 * would wake. Delivery is still an ordinary activity, scheduled only once this task is in history:
 * what a lost task recorded is never sent, and the next recording of the run drops it.
 * `commissionWorkflowV3`'s way; V4 records with the task's projection (task-writes.ts).
 */
export class TaskRecording {
  private readonly tasks = new RecordingTasks();

  constructor(
    private readonly record: RecordInTask,
    private readonly lane: LocalActivityLane,
  ) {}

  write(n: NotificationRequest): Promise<void> {
    return this.lane.run(() => this.record(n, this.tasks.now()));
  }
}
