import { Body, Controller, Get, Headers, Inject, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EditSpecificationUpdate,
  SubmitSpecificationUpdate,
  type Actor,
  type CalendarSnapshot,
  type CommissionView,
} from '@app/contracts';
import { CurrentActor, RequireRoles } from '../../auth/auth.decorators';
import { refuseDateBeyondCalendar } from '../../calendar/calendar-years';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { ProblemException } from '../../problem/problem.exception';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, mustRead, present } from '../commission-presenter';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService, contentHash } from '../commissions.service';
import { SpecificationDto, SubmitSpecificationDto } from '../dto/commands.dto';

/** The specification: versioned markdown, edited in drafting and submitted to the panel. */
@ApiTags('specification')
@ApiBearerAuth()
@Controller('commissions/:id/specification')
export class SpecificationController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  @Put()
  @RequireRoles('officer', 'panel')
  @ApiOperation({ summary: 'Write a new specification version (drafting only)' })
  async edit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SpecificationDto) {
    const cmd = { actor, content: dto.content, contentHash: contentHash(dto.content) };
    return present(await this.commissions.command(id, EditSpecificationUpdate, cmd), actor);
  }

  @Get()
  @ApiOperation({ summary: 'The current specification version with its text' })
  async current(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.readable(id, actor);
    const version = view.specification.currentVersion;
    if (version === null) throw ProblemException.notFound('no specification has been written yet');
    return this.versionWithContent(actor, version, view);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every specification version, with change requests' })
  async versions(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.readable(id, actor);
    return { ...header(view, actor), versions: view.specification.versions };
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One specification version with its text' })
  async version(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.versionWithContent(actor, version, await this.readable(id, actor));
  }

  @CommandEndpoint('submit', 'Submit the current version for panel sign-off (→ panel-review)', ['officer'])
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SubmitSpecificationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    refuseDateBeyondCalendar(
      this.calendar,
      dto.respondBy,
      'respondBy',
      'the specification cannot be submitted',
    );
    const cmd = { actor, respondBy: dto.respondBy };
    return present(await this.commissions.command(id, SubmitSpecificationUpdate, cmd, key), actor);
  }

  private async readable(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.commissions.view(id);
    mustRead('specification', view, actor);
    return view;
  }

  private async versionWithContent(actor: Actor, version: number, view: CommissionView) {
    const summary = view.specification.versions.find((v) => v.version === version);
    const record = summary && (await this.readModel.specificationVersion(view.id, version));
    if (!summary || !record) throw ProblemException.notFound(`no specification version ${version}`);
    return { ...header(view, actor), ...summary, content: record.content };
  }
}
