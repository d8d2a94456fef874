import { upsertSearchAttributes } from '@temporalio/workflow';
import {
  CommissionNextDueAttribute,
  CommissionStageAttribute,
  CommissionTitleAttribute,
  ProgrammeIdAttribute,
  type CommissionView,
} from '@app/contracts';
import { summaryOf } from '../initial-state';

/**
 * Keeps the commission's search attributes (stage, title, next due date, programme) in step with its
 * state, so an operator can filter by them in the Temporal Web UI; upserts only what changed.
 */
export class SearchAttributes {
  private last = '';

  constructor(private readonly state: CommissionView) {}

  sync(): void {
    const s = this.state;
    const nextDue = summaryOf(s).keyDates.nextDueAt;
    const now = JSON.stringify([s.stage, s.title, nextDue, s.programmeId]);
    if (now === this.last) return;
    this.last = now;
    upsertSearchAttributes([
      { key: CommissionStageAttribute, value: s.stage },
      { key: CommissionTitleAttribute, value: s.title },
      { key: CommissionNextDueAttribute, value: nextDue ? new Date(nextDue) : null },
      { key: ProgrammeIdAttribute, value: s.programmeId },
    ]);
  }
}
