import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  CancelCommissionUpdate,
  DeclareConflictUpdate,
  EditSpecificationUpdate,
  MoveDeadlineUpdate,
  SignOffUpdate,
  SubmitSpecificationUpdate,
  allowedActions,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { CurrentActor, RequireRoles } from '../auth/auth.decorators';
import { ProblemException } from '../problem/problem.exception';
import { CommissionReadModel } from './commission-read-model';
import { isSupplierOnly, present, PUBLISHED_STAGES } from './commission-presenter';
import { CommissionsService, contentHash } from './commissions.service';
import { CreateCommissionDto } from './dto/create-commission.dto';
import {
  CancelDto,
  ConflictDto,
  MoveDeadlineDto,
  SignOffDto,
  SpecificationDto,
  SubmitSpecificationDto,
} from './dto/commands.dto';
import { ListCommissionsQuery } from './dto/list-commissions.query';
import { RemindersReadModel } from './reminders-read-model';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'repeat-safe POST' };

@ApiTags('commissions')
@ApiBearerAuth()
@Controller('commissions')
export class CommissionsController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
    private readonly reminders: RemindersReadModel,
  ) {}

  @Post()
  @RequireRoles('officer')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCommissionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(await this.commissions.create(actor, dto, key), actor);
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: ListCommissionsQuery) {
    const stages = isSupplierOnly(actor)
      ? PUBLISHED_STAGES.filter((s) => !query.stage || s === query.stage)
      : query.stage && [query.stage];
    const page = await this.readModel.list({
      ...query,
      stages: stages || undefined,
      limit: query.limit ?? 20,
    });
    return {
      items: page.items.map((c) => ({
        id: c.id,
        title: c.title,
        programmeId: c.programmeId,
        regime: c.regime,
        stage: c.stage,
        version: c.version,
        specificationVersion: c.specificationVersion,
        keyDates: c.keyDates,
        createdAt: c.createdAt.toISOString(),
        updatedAt: c.updatedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    if (isSupplierOnly(actor) && !PUBLISHED_STAGES.includes(view.stage)) {
      throw ProblemException.notFound(`no commission with id ${id}`);
    }
    return present(view, actor);
  }

  @Get(':id/history')
  async history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    notForSuppliers(actor);
    const view = await this.commissions.view(id);
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
        detail: e.detail,
      })),
    };
  }

  @Put(':id/specification')
  @RequireRoles('officer', 'panel')
  async editSpecification(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SpecificationDto,
  ) {
    const cmd = { actor, content: dto.content, contentHash: contentHash(dto.content) };
    return present(await this.commissions.command(id, EditSpecificationUpdate, cmd), actor);
  }

  @Get(':id/specification')
  async currentSpecification(@CurrentActor() actor: Actor, @Param('id') id: string) {
    notForSuppliers(actor);
    const view = await this.commissions.view(id);
    const version = view.specification.currentVersion;
    if (version === null) throw ProblemException.notFound('no specification has been written yet');
    return this.versionWithContent(actor, id, version, view);
  }

  @Get(':id/specification/versions')
  async specificationVersions(@CurrentActor() actor: Actor, @Param('id') id: string) {
    notForSuppliers(actor);
    const view = await this.commissions.view(id);
    return { ...header(view, actor), versions: view.specification.versions };
  }

  @Get(':id/specification/versions/:version')
  async specificationVersion(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    notForSuppliers(actor);
    return this.versionWithContent(actor, id, version, await this.commissions.view(id));
  }

  private async versionWithContent(actor: Actor, id: string, version: number, view: CommissionView) {
    const summary = view.specification.versions.find((v) => v.version === version);
    const record = summary && (await this.readModel.specificationVersion(id, version));
    if (!summary || !record) throw ProblemException.notFound(`no specification version ${version}`);
    return { ...header(view, actor), ...summary, content: record.content };
  }

  @Post(':id/specification/submit')
  @HttpCode(200)
  @RequireRoles('officer')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SubmitSpecificationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const view = await this.commissions.command(
      id,
      SubmitSpecificationUpdate,
      { actor, respondBy: dto.respondBy },
      key,
    );
    return present(view, actor);
  }

  @Post(':id/sign-offs')
  @HttpCode(200)
  @RequireRoles('panel')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async signOff(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SignOffDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = {
      actor,
      decision: dto.decision,
      specificationVersion: dto.specificationVersion,
      comment: dto.comment ?? '',
    };
    return present(await this.commissions.command(id, SignOffUpdate, cmd, key), actor);
  }

  @Post(':id/conflicts')
  @RequireRoles('panel')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async declareConflict(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ConflictDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = { actor, supplier: dto.supplier, reason: dto.reason };
    return present(await this.commissions.command(id, DeclareConflictUpdate, cmd, key), actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles('officer')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: CancelDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(
      await this.commissions.command(id, CancelCommissionUpdate, { actor, reason: dto.reason }, key),
      actor,
    );
  }

  @Post(':id/deadlines')
  @HttpCode(200)
  @RequireRoles('officer')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async moveDeadline(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: MoveDeadlineDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = { actor, milestone: dto.milestone, dueAt: dto.dueAt, reason: dto.reason };
    return present(await this.commissions.command(id, MoveDeadlineUpdate, cmd, key), actor);
  }

  @Get(':id/reminders')
  async listReminders(@CurrentActor() actor: Actor, @Param('id') id: string) {
    notForSuppliers(actor);
    const view = await this.commissions.view(id);
    const deadlines = view.deadlines ?? [];
    return {
      ...header(view, actor),
      deadlines: deadlines.map((d) => ({
        milestone: d.milestone,
        dueAt: d.dueAt,
        version: d.version,
        open: d.closedReason === null,
        closedReason: d.closedReason,
        nextReminderAt: d.reminders.find((r) => r.status === 'scheduled')?.at ?? null,
      })),
      scheduled: deadlines.flatMap((d) =>
        d.reminders
          .filter((r) => r.status === 'scheduled')
          .map((r) => ({ milestone: d.milestone, kind: r.kind, offset: r.offset, at: r.at, dueAt: d.dueAt })),
      ),
      moves: view.deadlineMoves ?? [],
      notifications: await this.reminders.forCommission(id),
    };
  }
}

function notForSuppliers(actor: Actor): void {
  if (isSupplierOnly(actor)) throw ProblemException.forbidden('suppliers cannot read this');
}

function header(view: CommissionView, actor: Actor) {
  return {
    commissionId: view.id,
    stage: view.stage,
    version: view.version,
    allowedActions: allowedActions(view.stage, actor, view),
  };
}
