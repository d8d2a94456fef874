import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { allowedActions, ReviewReportUpdate, type Actor, type CommissionView } from '@app/contracts';
import { ReportReading, type ReportWithContents } from '../../commissions/reports/report-reading';
import { ReportSubmission } from '../../commissions/reports/report-submission';
import { formKey } from '../forms/command-forms';
import type { FieldError } from '../forms/form-errors';
import { readReportReview, readReportSubmission } from '../forms/report-forms';
import { reportPage, reportsPage } from '../presenters/reports';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import { WebForms, type WebRequest } from './web-forms';

const BANNERS: Record<string, string> = {
  submitted: 'Your report has been sent for review.',
  revised: 'The supplier has been asked to revise the report, with your comments.',
  accepted: 'The report has been accepted.',
};

type SubmitEntered = { kind: string; content: string };
type ReviewEntered = { decision: string; comments: string };

/**
 * Delivery's reports: the contracted supplier (or an officer for it) submits versions, a panel
 * member or officer accepts one or sends it back. Read, stored and commanded exactly as through
 * the JSON API (ReportReading, ReportSubmission): the markdown is kept before the workflow hears.
 */
@WebPages('commissions/:id/reports')
export class ReportsPageController {
  constructor(
    private readonly forms: WebForms,
    private readonly reading: ReportReading,
    private readonly submission: ReportSubmission,
  ) {}

  @Get()
  async list(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('done') done?: string,
  ) {
    const view = await this.reading.readable(id, actor);
    this.listPage(req, res, view, actor, { kind: '', content: '' }, [], 200, done);
  }

  @Post()
  async submit(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
  ) {
    await this.reading.readable(id, actor);
    const view = await this.forms.access.forAction(id, actor, 'submit-report');
    const form = readReportSubmission(body);
    if (form.value === null) return this.listPage(req, res, view, actor, form.entered, form.errors, 400);
    const key = formKey(body);
    const entry = form.value;
    let reportId = '';
    const outcome = await this.forms.commands.attempt(async () => {
      const sent = await this.submission.submit(id, actor, entry, key && `web-${key}`);
      reportId = sent.report.reportId;
      return sent.view;
    });
    await this.forms.settle(
      res,
      outcome,
      { fields: { kind: 'kind', content: 'content' }, main: { field: 'content', anchor: 'content' } },
      `/commissions/${id}/reports/${reportId}?done=submitted`,
      (errors, status) => this.listPage(req, res, view, actor, form.entered, errors, status),
    );
  }

  @Get(':rid')
  async one(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('rid', new ParseUUIDPipe()) rid: string,
    @Query('done') done?: string,
  ) {
    const view = await this.reading.readable(id, actor);
    const report = await this.reading.withContents(view, actor, rid);
    this.reportPage(req, res, view, actor, report, { decision: '', comments: '' }, [], 200, done);
  }

  @Post(':rid/review')
  async review(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('rid', new ParseUUIDPipe()) rid: string,
    @Body() body: Record<string, unknown>,
  ) {
    const view = await this.forms.access.forAction(id, actor, 'review-report');
    const report = await this.reading.withContents(view, actor, rid);
    const form = readReportReview(body);
    const again = (errors: FieldError[], status: number) =>
      this.reportPage(req, res, view, actor, report, form.entered, errors, status);
    if (form.value === null) return again(form.errors, 400);
    const outcome = await this.forms.commands.run(
      id,
      ReviewReportUpdate,
      { actor, reportId: report.reportId, ...form.value },
      formKey(body),
    );
    const done = form.value.decision === 'accept' ? 'accepted' : 'revised';
    await this.forms.settle(
      res,
      outcome,
      {
        fields: { decision: 'decision', comments: 'comments' },
        main: { field: 'decision', anchor: 'decision' },
      },
      `/commissions/${id}/reports?done=${done}`,
      again,
    );
  }

  private listPage(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    entered: SubmitEntered,
    errors: FieldError[],
    status = 200,
    done?: string,
  ) {
    this.forms.render(
      req,
      res,
      'reports.njk',
      {
        title: 'Reports',
        commission: view,
        reports: reportsPage(view, actor, new Date()),
        banner: (done && BANNERS[done]) || null,
        entered,
      },
      errors,
      status,
    );
  }

  private reportPage(
    req: WebRequest,
    res: Response,
    view: CommissionView,
    actor: Actor,
    report: ReportWithContents,
    entered: ReviewEntered,
    errors: FieldError[],
    status = 200,
    done?: string,
  ) {
    const page = reportPage(report);
    const actions = allowedActions(view.stage, actor, view);
    const mayReview = actions.includes('review-report') && page.awaitingVersion !== null;
    const maySubmit = actions.includes('submit-report') && report.status !== 'accepted';
    this.forms.render(
      req,
      res,
      'report.njk',
      {
        title: page.name,
        commission: view,
        report: page,
        mayReview,
        maySubmit,
        banner: (done && BANNERS[done]) || null,
        entered,
      },
      errors,
      status,
    );
  }
}
