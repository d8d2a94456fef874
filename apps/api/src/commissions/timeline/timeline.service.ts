import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  CalendarInputError,
  planTimeline,
  upstreamGateOf,
  type CalendarSnapshot,
  type CommissionView,
  type Timeline,
  type Verdict,
} from '@app/contracts';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { ProblemException } from '../../problem/problem.exception';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService } from '../commissions.service';

/**
 * A commission's timetable from the read model and the calendar, as of now. The programme view
 * asks `verdictOf` for each of its commissions.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async timelineOf(view: CommissionView, at = new Date().toISOString()): Promise<Timeline> {
    const upstreamView = view.dependsOn
      ? ((await this.readModel.viewOf(view.dependsOn.commissionId)) ?? null)
      : null;
    try {
      return planTimeline(view, {
        at,
        calendar: this.calendar,
        settings: this.config.timeline,
        upstream: upstreamGateOf(view, upstreamView),
      });
    } catch (err) {
      // A report date beyond the years the bank holiday data covers cannot be planned against the law.
      if (err instanceof CalendarInputError)
        throw ProblemException.conflict(`the timetable cannot be planned: ${err.message}`, view.stage);
      throw err;
    }
  }

  /** The verdict and whether the dates can be met, for a list of commissions (null once ended). */
  async verdictOf(commissionId: string): Promise<TimelineVerdict> {
    return this.verdictFor(await this.commissions.view(commissionId));
  }

  /**
   * The same for a view in hand (the programme's). A timetable that cannot be planned (a report
   * date beyond the calendar's years) has no verdict and says why, rather than failing the list.
   */
  async verdictFor(view: CommissionView, at = new Date().toISOString()): Promise<TimelineVerdict> {
    try {
      const { verdict, feasible, why } = await this.timelineOf(view, at);
      return { verdict, feasible, why };
    } catch (err) {
      if (err instanceof ProblemException && err.getStatus() === 409) {
        return {
          verdict: null,
          feasible: null,
          why: err.problem.detail ?? 'the timetable cannot be planned',
        };
      }
      throw err;
    }
  }
}

export interface TimelineVerdict {
  verdict: Verdict | null;
  feasible: boolean | null;
  why: string;
}
