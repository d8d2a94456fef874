import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  CalendarInputError,
  earliestLawfulClose,
  type Actor,
  type AwardCriterion,
  type CalendarSnapshot,
  type CommissionView,
  type PublishTender,
  type ShortenedPeriod,
  type TenderPeriodBasis,
} from '@app/contracts';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { ProblemException } from '../../problem/problem.exception';

export interface TenderTerms {
  closesAt: string;
  clarificationsCloseAt: string;
  criteria: AwardCriterion[];
  shortenedPeriod: ShortenedPeriod | null;
  evaluationPeriod?: string;
}

/**
 * The publish-tender command as the JSON API and the web form both send it: the earliest lawful
 * close computed here once from the calendar (the workflow compares against it and never reads the
 * calendar), and the panel's evaluation period defaulted from EVALUATION_PERIOD.
 */
@Injectable()
export class PublishTenderCommand {
  constructor(
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  build(view: CommissionView, actor: Actor, terms: TenderTerms): PublishTender {
    return {
      actor,
      closesAt: terms.closesAt,
      clarificationsCloseAt: terms.clarificationsCloseAt,
      criteria: terms.criteria.map((c) => ({ name: c.name, kind: c.kind, weight: c.weight })),
      shortenedPeriod: terms.shortenedPeriod
        ? { ground: terms.shortenedPeriod.ground, justification: terms.shortenedPeriod.justification }
        : null,
      period: this.period(view.regime, terms.shortenedPeriod?.ground ?? null),
      evaluationPeriod: terms.evaluationPeriod ?? this.config.evaluation.defaultPeriod,
    };
  }

  private period(
    regime: TenderPeriodBasis['regime'],
    ground: TenderPeriodBasis['ground'],
  ): TenderPeriodBasis {
    const assumedPublishedAt = new Date().toISOString();
    try {
      const e = earliestLawfulClose(regime, assumedPublishedAt, ground, this.calendar);
      return {
        regime,
        ground,
        assumedPublishedAt,
        minimumDays: e.minimumDays,
        earliestLawfulClose: new Date(Date.parse(e.earliestClosesAt)).toISOString(),
        rule: e.rule,
        calendarVersion: e.calendarVersion,
      };
    } catch (err) {
      if (err instanceof CalendarInputError) {
        const field = err.field === 'ground' ? 'shortenedPeriod.ground' : err.field;
        throw ProblemException.badRequest(err.message, [{ field, message: err.message }]);
      }
      throw err;
    }
  }
}
