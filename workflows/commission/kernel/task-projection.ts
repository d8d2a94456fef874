import { workflowInfo } from '@temporalio/workflow';
import type { Projection, ProjectionAttempt } from '@app/contracts';

type Write = (batch: Projection[], by: ProjectionAttempt) => Promise<void>;

/**
 * Writes the ledger's batches from inside the workflow task that recorded them (a local activity),
 * so a command is answered in one workflow task instead of two and no activity task is dispatched.
 * Each write says which task it comes from (activities/projection/project-attempt.ts): a task lost
 * before it reached history leaves provisional rows that its retry replaces, and a late write from
 * it never lands over a later task's.
 *
 * A batch that opens the bids goes as an ordinary activity, scheduled once the task that recorded
 * it is in history: releasing the bid keys is nothing a retry could take back.
 */
export class TaskProjection {
  private taskHistoryLength = -1;
  private committedThrough = 0;

  constructor(
    private readonly projectedThrough: () => number,
    private readonly local: Write,
    private readonly ordinary: Write,
  ) {}

  write(batch: Projection[]): Promise<void> {
    const info = workflowInfo();
    if (info.historyLength !== this.taskHistoryLength) {
      // A new task: whatever earlier tasks projected is in history with them.
      this.taskHistoryLength = info.historyLength;
      this.committedThrough = this.projectedThrough();
    }
    const opensBids = batch.some((p) => p.effects.some((e) => e.kind === 'bids-opened'));
    const by: ProjectionAttempt = {
      runStartedMs: info.runStartTime.getTime(),
      historyLength: info.historyLength,
      committedThrough: this.committedThrough,
      provisional: !opensBids,
    };
    return opensBids ? this.ordinary(batch, by) : this.local(batch, by);
  }
}
