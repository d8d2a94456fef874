import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CalendarInputError,
  PublishTenderUpdate,
  ReopenTenderUpdate,
  earliestLawfulClose,
  type Actor,
  type CalendarSnapshot,
  type TenderPeriodBasis,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { ProblemException } from '../../problem/problem.exception';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { present } from '../commission-presenter';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService } from '../commissions.service';
import { withUpstreamStanding } from '../dependency/dependency-refusal';
import { PublishTenderDto, ReopenDto } from './tender.dto';

/** Publishing the tender (with its notice), and reopening an unsuccessful one for re-drafting. */
@ApiTags('tender')
@ApiBearerAuth()
@Controller('commissions/:id')
export class TenderController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  @CommandEndpoint(
    'tender',
    'Publish the tender (signed-off → tendering); 409 period-too-short names the earliest lawful close',
    ['officer'],
  )
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: PublishTenderDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const view = await this.commissions.view(id);
    const cmd = {
      actor,
      closesAt: dto.closesAt,
      clarificationsCloseAt: dto.clarificationsCloseAt,
      criteria: dto.criteria.map((c) => ({ name: c.name, kind: c.kind, weight: c.weight })),
      shortenedPeriod: dto.shortenedPeriod
        ? { ground: dto.shortenedPeriod.ground, justification: dto.shortenedPeriod.justification }
        : null,
      period: this.period(view.regime, dto.shortenedPeriod?.ground ?? null),
    };
    const published = await withUpstreamStanding(this.readModel, () =>
      this.commissions.command(id, PublishTenderUpdate, cmd, key),
    );
    return present(published, actor);
  }

  @CommandEndpoint('reopen', 'Reopen an unsuccessful tender for re-drafting (unsuccessful → drafting)', [
    'officer',
  ])
  async reopen(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ReopenDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(
      await this.commissions.command(id, ReopenTenderUpdate, { actor, reason: dto.reason }, key),
      actor,
    );
  }

  /**
   * The earliest lawful close, computed here once from the calendar and sent with its version: the
   * workflow compares against it and records it, and never reads the calendar itself.
   */
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
