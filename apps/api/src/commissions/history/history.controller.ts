import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { historyDetailFor, type Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { header, mustRead } from '../commission-presenter';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService } from '../commissions.service';

/** The append-only audit history, from the read model: it outlives the workflow. */
@ApiTags('history')
@ApiBearerAuth()
@Controller('commissions/:id/history')
export class HistoryController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every accepted change, in order, with who, when and why' })
  async history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    mustRead('history', view, actor);
    const events = await this.readModel.history(id);
    return {
      ...header(view, actor),
      events: events.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        actor: { userId: e.actorId, name: e.actorName },
        action: e.action,
        fromStage: e.fromStage,
        toStage: e.toStage,
        detail: historyDetailFor(e.action, e.detail, view, actor),
      })),
    };
  }
}
