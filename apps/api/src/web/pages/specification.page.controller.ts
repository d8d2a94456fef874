import { randomUUID } from 'node:crypto';
import { Body, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  EditSpecificationUpdate,
  SubmitSpecificationUpdate,
  type Actor,
  type CalendarSnapshot,
  type CommissionView,
} from '@app/contracts';
import { contentHash } from '../../commissions/commissions.service';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { dateBeyondCalendarError } from '../forms/calendar-years';
import { readSpecification, readSubmission, formKey } from '../forms/command-forms';
import type { EnteredDateTime } from '../forms/date-time-field';
import { formErrors, refusalErrors, type FieldError } from '../forms/form-errors';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import type { RequestWithSession } from '../session/web-session';
import { CommandRunner } from './command-runner';
import { CommissionAccess } from './commission-access';
import { WebPages } from './web-pages.decorator';

type WebRequest = Request & RequestWithSession;

/** Writing a new version of the specification, and submitting it to the panel with a date to decide by. */
@WebPages('commissions/:id')
export class SpecificationPageController {
  constructor(
    private readonly access: CommissionAccess,
    private readonly commands: CommandRunner,
    private readonly pages: PageRenderer,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  @Get('specification/edit')
  async editForm(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.access.forAction(id, actor, 'edit-specification');
    const current = view.specification.currentVersion;
    const content = current === null ? '' : await this.access.specificationText(id, current);
    this.editPage(req, res, view, content, []);
  }

  @Post('specification/edit')
  async edit(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.access.forAction(id, actor, 'edit-specification');
    const form = readSpecification(body);
    if (form.value === null) return this.editPage(req, res, view, form.entered.content, form.errors, 400);
    const outcome = await this.commands.run(
      id,
      EditSpecificationUpdate,
      { actor, content: form.value, contentHash: contentHash(form.value) },
      formKey(body),
    );
    if (!outcome.ok) {
      const errors = refusalErrors(
        outcome.problem,
        { content: 'content' },
        { field: 'content', anchor: 'content' },
      );
      return this.editPage(req, res, view, form.value, errors, outcome.problem.status);
    }
    res.redirect(303, `/commissions/${id}?done=specification-saved`);
  }

  @Get('submit')
  async submitForm(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.access.forAction(id, actor, 'submit-specification');
    this.submitPage(req, res, view, { day: '', month: '', year: '', time: '5pm' }, []);
  }

  @Post('submit')
  async submit(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.access.forAction(id, actor, 'submit-specification');
    const form = readSubmission(body, new Date());
    if (form.value === null) return this.submitPage(req, res, view, form.entered.respondBy, form.errors, 400);
    const beyond = dateBeyondCalendarError(this.calendar, form.value.respondBy, 'respondBy');
    if (beyond) return this.submitPage(req, res, view, form.entered.respondBy, [beyond], 400);
    const outcome = await this.commands.run(
      id,
      SubmitSpecificationUpdate,
      { actor, respondBy: form.value.respondBy },
      formKey(body),
    );
    if (!outcome.ok) {
      const errors = refusalErrors(
        outcome.problem,
        { respondBy: 'respondBy-day' },
        { field: 'respondBy', anchor: 'respondBy-day' },
      );
      return this.submitPage(req, res, view, form.entered.respondBy, errors, outcome.problem.status);
    }
    res.redirect(303, `/commissions/${id}?done=submitted`);
  }

  private editPage(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    content: string,
    errors: FieldError[],
    status = 200,
  ) {
    const next = (view.specification.currentVersion ?? 0) + 1;
    this.pages.send(
      req,
      res,
      'forms/edit-specification.njk',
      {
        title: `Write version ${next} of the specification`,
        commission: view,
        content,
        errors: formErrors(errors),
        formKey: randomUUID(),
      },
      status,
    );
  }

  private submitPage(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    entered: EnteredDateTime,
    errors: FieldError[],
    status = 200,
  ) {
    this.pages.send(
      req,
      res,
      'forms/submit-specification.njk',
      {
        title: `Submit version ${view.specification.currentVersion} to the panel`,
        commission: view,
        version: view.specification.currentVersion,
        entered,
        errors: formErrors(errors),
        formKey: randomUUID(),
      },
      status,
    );
  }
}
