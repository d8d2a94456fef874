import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AwardContractUpdate,
  CalendarInputError,
  LiftChallengeUpdate,
  PublishContractNoticeUpdate,
  RecordChallengeUpdate,
  standstillEnd,
  type Actor,
  type CalendarSnapshot,
  type StandstillBasis,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { ProblemException } from '../../problem/problem.exception';
import { BidVault } from '../bids/bid-vault';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, present } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { openedPrices } from '../evaluation/evaluation.controller';
import { derivedId } from '../tender/derived-id';
import { AwardDto, ReasonDto } from './award.dto';

/** The award (evaluation → standstill), and legal challenges during the standstill. */
@ApiTags('award')
@ApiBearerAuth()
@Controller('commissions/:id')
export class AwardController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly vault: BidVault,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  @CommandEndpoint(
    'award',
    'Award the contract to one bid (evaluation → standstill): assessment summaries to every bidder, the award notice, the standstill; 409 scoring-incomplete or not-top-ranked',
    ['officer'],
  )
  async award(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: AwardDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const view = await this.commissions.view(id);
    const cmd = {
      actor,
      bidId: dto.bidId,
      rationale: dto.rationale,
      departureReason: dto.departureReason ?? null,
      prices: await openedPrices(this.vault, view),
      standstill: this.standstill(view.regime, dto.voluntaryStandstill ?? null),
    };
    return present(await this.commissions.command(id, AwardContractUpdate, cmd, key), actor);
  }

  @CommandEndpoint(
    'challenges',
    'Record a legal challenge started during standstill: entry into the contract is suspended until it is lifted',
    ['officer'],
    201,
  )
  async challenge(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const challengeId = derivedId('challenge', id, actor.userId, key);
    const view = await this.commissions.command(
      id,
      RecordChallengeUpdate,
      { actor, challengeId, reason: dto.reason },
      key,
    );
    return { ...header(view, actor), challenge: view.challenges?.find((c) => c.id === challengeId) };
  }

  @CommandEndpoint(
    'challenges/:cid/lift',
    'Lift a challenge with a reason; lifting the last one after the standstill end enters the contract at once',
    ['officer'],
  )
  async lift(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('cid') challengeId: string,
    @Body() dto: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(
      await this.commissions.command(
        id,
        LiftChallengeUpdate,
        { actor, challengeId, reason: dto.reason },
        key,
      ),
      actor,
    );
  }

  @CommandEndpoint(
    'contract/notice',
    'Record that the contract details notice (UK7 for PA2023) was published, which meets its 30-day deadline',
    ['officer'],
  )
  async contractNotice(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(await this.commissions.command(id, PublishContractNoticeUpdate, { actor }, key), actor);
  }

  /**
   * The standstill's end, computed here once from the calendar (like the tender's earliest close)
   * and sent with its version: the workflow records it and never reads the calendar itself.
   */
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
