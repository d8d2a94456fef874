import { Body, Controller, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PublishTenderUpdate, ReopenTenderUpdate, type Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { present } from '../commission-presenter';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService } from '../commissions.service';
import { withUpstreamStanding } from '../dependency/dependency-refusal';
import { PublishTenderCommand } from './publish-tender.command';
import { PublishTenderDto, ReopenDto } from './tender.dto';

/** Publishing the tender (with its notice), and reopening an unsuccessful one for re-drafting. */
@ApiTags('tender')
@ApiBearerAuth()
@Controller('commissions/:id')
export class TenderController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
    private readonly publishing: PublishTenderCommand,
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
    const cmd = this.publishing.build(view, actor, { ...dto, shortenedPeriod: dto.shortenedPeriod ?? null });
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
}
