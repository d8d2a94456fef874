import { randomUUID } from 'node:crypto';
import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CancelCommissionUpdate, type Actor, type CommissionView } from '@app/contracts';
import { formKey, readCancellation } from '../forms/command-forms';
import { formErrors, refusalErrors, type FieldError } from '../forms/form-errors';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import type { RequestWithSession } from '../session/web-session';
import { CommandRunner } from './command-runner';
import { CommissionAccess } from './commission-access';
import { WebPages } from './web-pages.decorator';

type WebRequest = Request & RequestWithSession;

/** An officer cancels a commission, saying why; it cannot be undone. */
@WebPages('commissions/:id/cancel')
export class CancelPageController {
  constructor(
    private readonly access: CommissionAccess,
    private readonly commands: CommandRunner,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  async form(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    this.page(req, res, await this.access.forAction(id, actor, 'cancel'), '', []);
  }

  @Post()
  async cancel(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.access.forAction(id, actor, 'cancel');
    const form = readCancellation(body);
    if (form.value === null) return this.page(req, res, view, form.entered.reason, form.errors, 400);
    const outcome = await this.commands.run(
      id,
      CancelCommissionUpdate,
      { actor, reason: form.value.reason },
      formKey(body),
    );
    if (!outcome.ok) {
      const errors = refusalErrors(
        outcome.problem,
        { reason: 'reason' },
        { field: 'reason', anchor: 'reason' },
      );
      return this.page(req, res, view, form.entered.reason, errors, outcome.problem.status);
    }
    res.redirect(303, `/commissions/${id}?done=cancelled`);
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    reason: string,
    errors: FieldError[],
    status = 200,
  ) {
    this.pages.send(
      req,
      res,
      'forms/cancel.njk',
      {
        title: 'Cancel this commission',
        commission: view,
        reason,
        errors: formErrors(errors),
        formKey: randomUUID(),
      },
      status,
    );
  }
}
