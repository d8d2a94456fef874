import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/contracts';
import { CurrentActor, RequireRoles } from '../auth/auth.decorators';
import { IDEMPOTENCY_HEADER } from '../commissions/command-endpoint.decorator';
import { CreateProgrammeDto } from './programme.dto';
import { ProgrammesService } from './programmes.service';

/** Programmes: named groups of commissions, with the dependencies between them. */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('officer')
  @ApiOperation({
    summary: 'Create a programme (`name`, optional `id` slug); commissions join it with `programmeId`',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The programmes, oldest first' })
  list() {
    return this.programmes.list();
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A programme: its commissions (as the caller may see them) with stage and next due date, the dependency graph, and what blocks what',
  })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.programmes.get(actor, id);
  }
}
