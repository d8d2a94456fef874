import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CalendarInputError,
  earliestLawfulClose,
  REGIME_RULES,
  standstillEnd,
  workingDaysBetween,
  type CalendarSnapshot,
} from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';
import { CALENDAR_SNAPSHOT } from './calendar.snapshot';
import { StandstillQuery, TenderPeriodQuery, WorkingDaysQuery } from './dto/calendar.queries';

/** Input the calendar cannot judge (a range too long, a year it does not cover) is a 400, never a 500. */
function answer<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof CalendarInputError) {
      throw ProblemException.badRequest(err.message, [{ field: err.field, message: err.message }]);
    }
    throw err;
  }
}

/**
 * The law's calendar, read-only, for any signed-in user: the same functions the workflow uses, so
 * a person can check a date before relying on it. Each answer names the calendar version.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'application/problem+json naming the field at fault' })
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot) {}

  private get source() {
    return { version: this.calendar.version, source: this.calendar.source, years: this.calendar.years };
  }

  @Get('working-days')
  @ApiOperation({
    summary: 'The working days between two dates under a regime, with each day skipped and why',
  })
  @ApiOkResponse({ description: 'workingDays, skipped[{date, why}], the rule and the calendar version' })
  workingDays(@Query() q: WorkingDaysQuery) {
    const { workingDays, skipped } = answer(() => workingDaysBetween(q.from, q.to, q.regime, this.calendar));
    return {
      regime: q.regime,
      from: q.from,
      to: q.to,
      workingDayCount: workingDays.length,
      workingDays,
      skipped,
      rule: REGIME_RULES[q.regime].workingDays.rule,
      calendarVersion: this.calendar.version,
      calendar: this.source,
    };
  }

  @Get('standstill')
  @ApiOperation({
    summary: 'When the standstill ends: its last day and the moment it ends, with the days skipped',
  })
  @ApiOkResponse({ description: 'kind, lastDay, endsAt, skipped, the rule and the calendar version' })
  standstill(@Query() q: StandstillQuery) {
    const result = answer(() => standstillEnd(q.regime, q.from, this.calendar, q.voluntary));
    return { ...result, from: q.from, voluntary: q.voluntary ?? null, calendar: this.source };
  }

  @Get('tender-period')
  @ApiOperation({ summary: 'The earliest lawful closing time of a tender, with the rule applied' })
  @ApiOkResponse({
    description: 'minimumDays, earliestClosingDay, earliestClosesAt, the rule and the calendar version',
  })
  tenderPeriod(@Query() q: TenderPeriodQuery) {
    const result = answer(() =>
      earliestLawfulClose(q.regime, q.publishedAt, q.ground ?? null, this.calendar, {
        documentsNotAllAtOnce: q.documentsNotAllAtOnce,
        tendersNotElectronic: q.tendersNotElectronic,
      }),
    );
    return { ...result, publishedAt: q.publishedAt, calendar: this.source };
  }
}
