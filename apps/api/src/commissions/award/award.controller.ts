import { Body, Controller, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AwardContractUpdate,
  LiftChallengeUpdate,
  PublishContractNoticeUpdate,
  RecordChallengeUpdate,
  type Actor,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, present } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { sendForToday } from '../for-today';
import { derivedId } from '../tender/derived-id';
import { AwardCommand } from './award.command';
import { AwardDto, ReasonDto } from './award.dto';

/** The award (evaluation → standstill), and legal challenges during the standstill. */
@ApiTags('award')
@ApiBearerAuth()
@Controller('commissions/:id')
export class AwardController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly awarding: AwardCommand,
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
    const build = () =>
      this.awarding.build(view, actor, {
        bidId: dto.bidId,
        rationale: dto.rationale,
        departureReason: dto.departureReason ?? null,
        voluntaryStandstill: dto.voluntaryStandstill ?? null,
      });
    const awarded = await sendForToday(build, (cmd) =>
      this.commissions.command(id, AwardContractUpdate, cmd, key),
    );
    return present(awarded, actor);
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
}
