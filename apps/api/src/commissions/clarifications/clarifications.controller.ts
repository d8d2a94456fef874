import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnswerClarificationUpdate,
  AskClarificationUpdate,
  clarificationsFor,
  type Actor,
  type CommissionView,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { ProblemException } from '../../problem/problem.exception';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { derivedId } from '../tender/derived-id';
import { AnswerClarificationDto, AskClarificationDto } from './clarifications.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The clarifications a caller may read (READ_RULES: suppliers never learn who else asked). */
function presentClarifications(view: CommissionView, actor: Actor) {
  return { ...header(view, actor), clarifications: clarificationsFor(view, actor) };
}

/** Questions suppliers ask before the clarification deadline, and the officers' public answers. */
@ApiTags('clarifications')
@ApiBearerAuth()
@Controller('commissions/:id/clarifications')
export class ClarificationsController {
  constructor(private readonly commissions: CommissionsService) {}

  @CommandEndpoint(
    '',
    'Ask a clarification question (supplier, before the clarification deadline)',
    ['supplier'],
    201,
  )
  async ask(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: AskClarificationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    // An unpublished commission is a 404 to a supplier, never a 409 naming its stage.
    mustRead('clarifications', await this.commissions.view(id), actor);
    const questionId = derivedId('clarification', id, actor.userId, key);
    const cmd = { actor, questionId, question: dto.question };
    const view = await this.commissions.command(id, AskClarificationUpdate, cmd, key);
    const mine = clarificationsFor(view, actor).find((c) => c.id === questionId);
    return { ...header(view, actor), clarification: mine };
  }

  @CommandEndpoint(':qid/answer', 'Answer a question; every supplier then reads the answer', ['officer'])
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('qid') questionId: string,
    @Body() dto: AnswerClarificationDto,
    @Headers('idempotency-key') key?: string,
  ) {
    if (!UUID.test(questionId)) throw ProblemException.notFound(`no question ${questionId}`);
    const cmd = { actor, questionId, answer: dto.answer };
    return presentClarifications(
      await this.commissions.command(id, AnswerClarificationUpdate, cmd, key),
      actor,
    );
  }

  @Get()
  @ApiOperation({
    summary: 'Questions and answers; suppliers see the answered ones and their own, never who asked',
  })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    mustRead('clarifications', view, actor);
    return presentClarifications(view, actor);
  }
}
