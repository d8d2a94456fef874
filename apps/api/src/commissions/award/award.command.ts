import { Inject, Injectable } from '@nestjs/common';
import {
  CalendarInputError,
  standstillEnd,
  type Actor,
  type AwardContract,
  type CalendarSnapshot,
  type CommissionView,
  type StandstillBasis,
} from '@app/contracts';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { ProblemException } from '../../problem/problem.exception';
import { BidVault } from '../bids/bid-vault';
import { openedPrices } from '../evaluation/evaluation.controller';

export interface AwardChoice {
  bidId: string;
  rationale: string;
  departureReason: string | null;
  voluntaryStandstill: string | null;
}

/**
 * The award command as the JSON API and the web form both send it: the opened prices from the
 * vault, and the standstill's end computed here once from the calendar (like the tender's earliest
 * close) with its version: the workflow records it and never reads the calendar itself.
 */
@Injectable()
export class AwardCommand {
  constructor(
    private readonly vault: BidVault,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  async build(view: CommissionView, actor: Actor, choice: AwardChoice): Promise<AwardContract> {
    return {
      actor,
      bidId: choice.bidId,
      rationale: choice.rationale,
      departureReason: choice.departureReason,
      prices: await openedPrices(this.vault, view),
      standstill: this.standstill(view.regime, choice.voluntaryStandstill),
    };
  }

  private standstill(regime: StandstillBasis['regime'], voluntary: string | null): StandstillBasis {
    const assumedFrom = new Date().toISOString();
    try {
      const e = standstillEnd(regime, assumedFrom, this.calendar, voluntary);
      return {
        regime,
        kind: e.kind,
        assumedFrom,
        endsAt: new Date(Date.parse(e.endsAt)).toISOString(),
        voluntary,
        rule: e.rule,
        calendarVersion: e.calendarVersion,
      };
    } catch (err) {
      if (err instanceof CalendarInputError) {
        throw ProblemException.badRequest(err.message, [
          { field: 'voluntaryStandstill', message: err.message },
        ]);
      }
      throw err;
    }
  }
}
