import { randomUUID } from 'node:crypto';
import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SignOffUpdate, type Actor, type CommissionView } from '@app/contracts';
import { ProblemException } from '../../problem/problem.exception';
import { formKey, readSignOff } from '../forms/command-forms';
import { formErrors, refusalErrors, type FieldError } from '../forms/form-errors';
import { nextStep, signOffCondition } from '../presenters/next-step';
import { previousVersion, specificationSection } from '../presenters/specification';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import type { RequestWithSession } from '../session/web-session';
import { CommandRunner } from './command-runner';
import { CommissionAccess } from './commission-access';
import { WebPages } from './web-pages.decorator';

type WebRequest = Request & RequestWithSession;

/** A panel member reads the version under review and approves it or asks for changes. */
@WebPages('commissions/:id/sign-off')
export class SignOffPageController {
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
    const view = await this.access.forAction(id, actor, 'sign-off');
    const round = view.signOff.current;
    const decided = round?.decisions.find((d) => d.member.userId === actor.userId);
    if (round && decided) {
      const what = decided.decision === 'approve' ? 'approved' : 'asked for changes to';
      throw ProblemException.conflict(
        `you have already ${what} version ${round.specificationVersion}; each member decides once on each version`,
      );
    }
    await this.page(req, res, view, { decision: '', comment: '' }, []);
  }

  @Post()
  async decide(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.access.forAction(id, actor, 'sign-off');
    const form = readSignOff(body);
    if (form.value === null) return this.page(req, res, view, form.entered, form.errors, 400);
    const outcome = await this.commands.run(id, SignOffUpdate, { actor, ...form.value }, formKey(body));
    if (!outcome.ok) {
      const errors = refusalErrors(
        outcome.problem,
        { decision: 'decision', comment: 'comment' },
        { field: 'decision', anchor: 'decision' },
      );
      return this.page(req, res, view, form.entered, errors, outcome.problem.status);
    }
    res.redirect(303, `/commissions/${id}?done=decided`);
  }

  private async page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    entered: { decision: string; comment: string },
    errors: FieldError[],
    status = 200,
  ) {
    const version = view.signOff.current!.specificationVersion;
    const before = previousVersion(view, version);
    const [shown, previous] = await Promise.all([
      this.access.specificationText(view.id, version),
      before === null ? null : this.access.specificationText(view.id, before),
    ]);
    this.pages.send(
      req,
      res,
      'forms/sign-off.njk',
      {
        title: `Decide on version ${version} of the specification`,
        commission: view,
        version,
        rule: signOffCondition(view.signOffRule),
        waitingFor: nextStep(view, new Date()).waitingFor,
        specification: specificationSection(view, version, { shown, previous }),
        entered,
        errors: formErrors(errors),
        formKey: randomUUID(),
      },
      status,
    );
  }
}
