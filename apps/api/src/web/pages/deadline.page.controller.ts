import { randomUUID } from 'node:crypto';
import { Body, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  MoveDeadlineUpdate,
  type Actor,
  type CalendarSnapshot,
  type CommissionView,
  type Milestone,
} from '@app/contracts';
import { CALENDAR_SNAPSHOT } from '../../calendar/calendar.snapshot';
import { dateBeyondCalendarError } from '../forms/calendar-years';
import { formKey, readDeadlineMove } from '../forms/command-forms';
import type { EnteredDateTime } from '../forms/date-time-field';
import { formErrors, refusalErrors, type FieldError } from '../forms/form-errors';
import { MILESTONE_LABELS } from '../presenters/labels';
import { PageRenderer } from '../render/page-renderer';
import { londonDateTime } from '../time/london-time';
import { WebActor } from '../session/web-actor.decorator';
import type { RequestWithSession } from '../session/web-session';
import { CommandRunner } from './command-runner';
import { CommissionAccess } from './commission-access';
import { WebPages } from './web-pages.decorator';

type WebRequest = Request & RequestWithSession;
type Entered = { milestone: string; dueAt: EnteredDateTime; reason: string };

/** An officer moves an open deadline, saying why; its reminders are planned again. */
@WebPages('commissions/:id/deadlines/move')
export class DeadlinePageController {
  constructor(
    private readonly access: CommissionAccess,
    private readonly commands: CommandRunner,
    private readonly pages: PageRenderer,
    @Inject(CALENDAR_SNAPSHOT) private readonly calendar: CalendarSnapshot,
  ) {}

  @Get()
  async form(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const view = await this.access.forAction(id, actor, 'move-deadline');
    const blank = { milestone: '', dueAt: { day: '', month: '', year: '', time: '5pm' }, reason: '' };
    this.page(req, res, view, blank, []);
  }

  @Post()
  async move(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.access.forAction(id, actor, 'move-deadline');
    const form = readDeadlineMove(body, openMilestones(view), new Date());
    if (form.value === null) return this.page(req, res, view, form.entered, form.errors, 400);
    const beyond = dateBeyondCalendarError(this.calendar, form.value.dueAt, 'dueAt');
    if (beyond) return this.page(req, res, view, form.entered, [beyond], 400);
    const outcome = await this.commands.run(id, MoveDeadlineUpdate, { actor, ...form.value }, formKey(body));
    if (!outcome.ok) {
      const errors = refusalErrors(
        outcome.problem,
        { milestone: 'milestone', dueAt: 'dueAt-day', reason: 'reason' },
        { field: 'dueAt', anchor: 'dueAt-day' },
      );
      return this.page(req, res, view, form.entered, errors, outcome.problem.status);
    }
    res.redirect(303, `/commissions/${id}?done=deadline-moved`);
  }

  private page(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    entered: Entered,
    errors: FieldError[],
    status = 200,
  ) {
    const deadlines = (view.deadlines ?? []).filter((d) => d.closedReason === null);
    this.pages.send(
      req,
      res,
      'forms/move-deadline.njk',
      {
        title: 'Move a deadline',
        commission: view,
        milestones: deadlines.map((d) => ({
          value: d.milestone,
          text: MILESTONE_LABELS[d.milestone],
          hint: { text: `Due ${londonDateTime(d.dueAt)}` },
          checked: d.milestone === entered.milestone,
        })),
        entered,
        errors: formErrors(errors),
        formKey: randomUUID(),
      },
      status,
    );
  }
}

function openMilestones(view: CommissionView): Milestone[] {
  return (view.deadlines ?? []).filter((d) => d.closedReason === null).map((d) => d.milestone);
}
