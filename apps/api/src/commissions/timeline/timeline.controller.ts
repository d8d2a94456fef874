import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { header, mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { TimelineService } from './timeline.service';

/** Will the report dates be met? Staff only: the plan speaks of budgets and dates suppliers must not steer by. */
@ApiTags('timeline')
@ApiBearerAuth()
@Controller('commissions/:id/timeline')
export class TimelineController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly timelines: TimelineService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Each stage's latest safe finish date back from the report dates; feasible or not, and why",
  })
  async timeline(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    // The deadlines are the plan's raw material: whoever reads them reads the plan (staff).
    mustRead('deadlines', view, actor);
    return { ...header(view, actor), ...(await this.timelines.timelineOf(view)) };
  }
}
