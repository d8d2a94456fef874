import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  allowedActions,
  AnswerClarificationUpdate,
  canRead,
  type Actor,
  type CommissionView,
  TEXT_LIMITS,
} from '@app/contracts';
import { ProblemException } from '../../problem/problem.exception';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readTextField } from '../forms/text-field';
import { clarificationRows, questionsClose } from '../presenters/clarifications';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

/** The API's limit on an answer (AnswerClarificationDto). */
const MAX_ANSWER = TEXT_LIMITS.answer;

/**
 * The clarification questions of a tender and their answers. Officers answer here; every supplier
 * then reads the answer (PA2023 s.12(2): suppliers are treated the same), and no
 * supplier learns who asked.
 */
@WebPages('commissions/:id/clarifications')
export class ClarificationsPageController {
  constructor(private readonly forms: WebForms) {}

  @Get()
  async list(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('answered') answered?: string,
  ) {
    const view = await this.readable(id, actor);
    this.page(req, res, view, actor, { answered: answered !== undefined }, {}, []);
  }

  @Post(':qid/answer')
  async answer(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('qid', new ParseUUIDPipe()) questionId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'answer-clarification');
    const field = `answer-${questionId}`;
    const form = readTextField(
      body,
      'answer',
      {
        missing: 'Enter the answer',
        what: 'The answer',
        max: MAX_ANSWER,
      },
      field,
    );
    const entered = { [questionId]: form.entered };
    if (form.value === null) return this.page(req, res, view, actor, {}, entered, form.errors, 400);
    const outcome = await this.forms.commands.run(
      id,
      AnswerClarificationUpdate,
      { actor, questionId, answer: form.value },
      formKey(body),
    );
    await this.forms.settle(
      res,
      outcome,
      { fields: { answer: field }, main: { field, anchor: field } },
      `/commissions/${id}/clarifications?answered`,
      (errors, status) => this.page(req, res, view, actor, {}, entered, errors, status),
    );
  }

  private async readable(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.forms.access.view(id, actor);
    if (!canRead('clarifications', view, actor))
      throw ProblemException.notFound(`no commission with id ${id}`);
    return view;
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    flags: { answered?: boolean },
    entered: Record<string, string>,
    errors: FieldError[],
    status = 200,
  ) {
    this.forms.render(
      req,
      res,
      'clarifications.njk',
      {
        title: 'Clarification questions',
        commission: view,
        questions: clarificationRows(view, actor),
        questionsClose: questionsClose(view, new Date()),
        mayAnswer: allowedActions(view.stage, actor, view).includes('answer-clarification'),
        banner: flags.answered ? 'Your answer has been published to every supplier.' : null,
        entered,
      },
      errors,
      status,
    );
  }
}
