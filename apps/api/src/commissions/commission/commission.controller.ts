import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CancelCommissionUpdate, SUPPLIER_STAGES, type Actor } from '@app/contracts';
import { CurrentActor, RequireRoles } from '../../auth/auth.decorators';
import { CommandEndpoint, IDEMPOTENCY_HEADER } from '../command-endpoint.decorator';
import { isSupplierOnly, present } from '../commission-presenter';
import { CommissionReadModel } from '../commission-read-model';
import { CommissionsService } from '../commissions.service';
import { CancelDto } from '../dto/commands.dto';
import { CreateCommissionDto } from '../dto/create-commission.dto';
import { ListCommissionsQuery } from '../dto/list-commissions.query';
import { ProblemException } from '../../problem/problem.exception';
import { presentListItem } from './list-item.presenter';

/** The commission itself: open one, list them, read one, cancel one. */
@ApiTags('commissions')
@ApiBearerAuth()
@Controller('commissions')
export class CommissionController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly readModel: CommissionReadModel,
  ) {}

  @Post()
  @RequireRoles('officer')
  @ApiOperation({ summary: 'Open a commission (201, stage drafting)' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCommissionDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(await this.commissions.create(actor, dto, key), actor);
  }

  @Get()
  @ApiOperation({ summary: 'List commissions (filters, cursor pagination)' })
  async list(@CurrentActor() actor: Actor, @Query() query: ListCommissionsQuery) {
    const supplier = isSupplierOnly(actor);
    const stages = supplier
      ? SUPPLIER_STAGES.filter((s) => !query.stage || s === query.stage)
      : query.stage && [query.stage];
    if (supplier && query.overdue !== undefined) {
      // Overdue means a staff deadline has passed, which a supplier's view never shows.
      const message = 'overdue filters on the commission’s own deadlines, which suppliers do not see';
      throw ProblemException.badRequest(message, [{ field: 'overdue', message }]);
    }
    const { mine, awaiting, ...filters } = query;
    const page = await this.readModel.list({
      ...filters,
      stages: stages || undefined,
      publicOnly: supplier,
      memberId: mine ? actor.userId : undefined,
      awaitingId: awaiting === 'me' ? actor.userId : undefined,
      limit: query.limit ?? 20,
    });
    return { items: page.items.map((c) => presentListItem(c, supplier)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Where one commission stands, as the caller may see it' })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return present(await this.commissions.view(id), actor);
  }

  @CommandEndpoint(':id/cancel', 'Cancel the commission (→ cancelled)', ['officer'])
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: CancelDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const cmd = { actor, reason: dto.reason };
    return present(await this.commissions.command(id, CancelCommissionUpdate, cmd, key), actor);
  }
}
