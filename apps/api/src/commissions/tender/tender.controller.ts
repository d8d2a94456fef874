import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublishTenderUpdate, ReopenTenderUpdate, type Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { ProblemException } from '../../problem/problem.exception';
import { header, mustRead, present } from '../commission-presenter';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService } from '../commissions.service';
import { sendForToday } from '../for-today';
import { withUpstreamStanding } from '../dependency/dependency-refusal';
import { PublishTenderCommand } from './publish-tender.command';
import { PublishTenderDto, ReopenDto } from './tender.dto';

/**
 * Publishing the tender (with its notice), reading its document, and reopening an unsuccessful one
 * for re-drafting.
 */
@ApiTags('tender')
@ApiBearerAuth()
@Controller('commissions/:id')
export class TenderController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
    private readonly publishing: PublishTenderCommand,
  ) {}

  /**
   * What a bidder bids against, for anyone who may read the published tender: the signed-off
   * specification version it was issued with. Nothing of its drafting (author, earlier versions, the
   * panel's requests), which stays with the commission's own people (read-rules.ts).
   */
  @Get('tender/document')
  @ApiOperation({ summary: 'The tender document: the text the tender was published with' })
  async document(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    mustRead('tender', view, actor);
    const document = view.tender?.document;
    if (!document) throw ProblemException.notFound('no tender has been published for this commission');
    const record = await this.readModel.specificationVersion(view.id, document.specificationVersion);
    if (!record) throw ProblemException.notFound('the tender document is not in the read model yet');
    return {
      ...header(view, actor),
      specificationVersion: document.specificationVersion,
      contentHash: document.contentHash,
      content: record.content,
    };
  }

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
    const build = () =>
      this.publishing.build(view, actor, { ...dto, shortenedPeriod: dto.shortenedPeriod ?? null });
    const published = await withUpstreamStanding(this.readModel, () =>
      sendForToday(build, (cmd) => this.commissions.command(id, PublishTenderUpdate, cmd, key)),
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
