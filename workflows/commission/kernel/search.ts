import { upsertSearchAttributes } from '@temporalio/workflow';
import {
  searchAttributePairs,
  searchValuesKey,
  type CommissionSearchValues,
  type CommissionView,
} from '@app/contracts';
import { summaryOf } from '../initial-state';

/**
 * Keeps the commission's search attributes (stage, title, next due date, programme) in step with its
 * state, so an operator can filter by them in the Temporal Web UI; upserts only what changed.
 */
export class SearchAttributes {
  private last: string;

  /**
   * `startedWith`: the attributes a newly opened run started with. The API opens a commission with
   * the values its first task computes (openingSearchAttributes), so that task upserts nothing; a
   * run started without them (before the API set them, or by another client) upserts as ever.
   * Decided by the run's own start event, so a replay decides the same.
   */
  constructor(
    private readonly state: CommissionView,
    startedWith?: CommissionSearchValues,
  ) {
    this.last = startedWith ? searchValuesKey(startedWith) : '';
  }

  sync(): void {
    const s = this.state;
    const values = {
      stage: s.stage,
      title: s.title,
      nextDueAt: summaryOf(s).keyDates.nextDueAt,
      programmeId: s.programmeId,
    };
    const now = searchValuesKey(values);
    if (now === this.last) return;
    this.last = now;
    upsertSearchAttributes(searchAttributePairs(values));
  }
}
