import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  allowedActions,
  LiftChallengeUpdate,
  readsAsSupplier,
  RecordChallengeUpdate,
  type Actor,
  type CommissionView,
  TEXT_LIMITS,
} from '@app/contracts';
import { derivedId } from '../../commissions/tender/derived-id';
import { ProblemException } from '../../problem/problem.exception';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readTextField } from '../forms/text-field';
import { standstillPage } from '../presenters/standstill';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

/** The API's limit on a reason (ReasonDto). */
const MAX_REASON = TEXT_LIMITS.reason;
const REASON = { what: 'The reason', max: MAX_REASON };

const BANNERS: Record<string, string> = {
  recorded: 'The challenge has been recorded: entry into the contract is suspended.',
  lifted: 'The challenge has been lifted.',
};

/**
 * The standstill after an award: its end, and the legal challenges an officer records and lifts.
 * A challenge started during standstill suspends entry into the contract (PA2023 s.101; PCR2015
 * reg 95) until it is lifted. Staff only: suppliers learn of challenges from the court, not here.
 */
@WebPages('commissions/:id/challenges')
export class ChallengesPageController {
  constructor(private readonly forms: WebForms) {}

  @Get()
  async show(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('done') done?: string,
  ) {
    const view = await this.staffView(id, actor);
    this.page(req, res, view, actor, { banner: (done && BANNERS[done]) || null }, []);
  }

  @Post()
  async record(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'record-challenge');
    const form = readTextField(body, 'reason', { missing: 'Enter the challenge', ...REASON });
    const entered = { reason: form.entered };
    if (form.value === null) return this.page(req, res, view, actor, { entered }, form.errors, 400);
    const key = formKey(body);
    const challengeId = derivedId('challenge', id, actor.userId, key && `web-${key}`);
    const outcome = await this.forms.commands.run(
      id,
      RecordChallengeUpdate,
      { actor, challengeId, reason: form.value },
      key,
    );
    await this.forms.settle(
      res,
      outcome,
      { fields: { reason: 'reason' }, main: { field: 'reason', anchor: 'reason' } },
      `/commissions/${id}/challenges?done=recorded`,
      (errors, status) => this.page(req, res, view, actor, { entered }, errors, status),
    );
  }

  @Post(':cid/lift')
  async lift(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('cid', new ParseUUIDPipe()) challengeId: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'lift-challenge');
    const field = `lift-${challengeId}`;
    const form = readTextField(
      body,
      'reason',
      { missing: 'Enter why the challenge is lifted', ...REASON },
      field,
    );
    const entered = { [field]: form.entered };
    if (form.value === null) return this.page(req, res, view, actor, { entered }, form.errors, 400);
    const outcome = await this.forms.commands.run(
      id,
      LiftChallengeUpdate,
      { actor, challengeId, reason: form.value },
      formKey(body),
    );
    await this.forms.settle(
      res,
      outcome,
      { fields: { reason: field }, main: { field, anchor: field } },
      `/commissions/${id}/challenges?done=lifted`,
      (errors, status) => this.page(req, res, view, actor, { entered }, errors, status),
    );
  }

  private async staffView(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.forms.access.view(id, actor);
    if (readsAsSupplier(actor)) throw ProblemException.forbidden('only staff read the challenges');
    if (!view.award) throw ProblemException.notFound('the contract has not been awarded');
    return view;
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    extra: { banner?: string | null; entered?: Record<string, string> },
    errors: FieldError[],
    status = 200,
  ) {
    const actions = allowedActions(view.stage, actor, view);
    this.forms.render(
      req,
      res,
      'challenges.njk',
      {
        title: 'Standstill and legal challenges',
        commission: view,
        standstill: standstillPage(view, new Date()),
        mayRecord: actions.includes('record-challenge'),
        mayLift: actions.includes('lift-challenge'),
        banner: extra.banner ?? null,
        entered: extra.entered ?? {},
      },
      errors,
      status,
    );
  }
}
