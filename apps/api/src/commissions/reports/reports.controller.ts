import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ReviewReportUpdate,
  SubmitReportUpdate,
  readsAsSupplier,
  reportStandings,
  reportsFor,
  type Actor,
  type CommissionView,
  type Report,
} from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { ProblemException } from '../../problem/problem.exception';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header, mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { derivedId } from '../tender/derived-id';
import { ReportStore } from './report-store';
import { ReviewReportDto, SubmitReportDto } from './reports.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Delivery's reports: the contracted supplier (or an officer for it) submits versions, a panel
 * member or officer accepts one or asks for a revision. The markdown is stored here before the
 * workflow hears of it; the workflow judges who may submit and keeps the receipts and reviews.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('commissions/:id/reports')
export class ReportsController {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly store: ReportStore,
  ) {}

  @CommandEndpoint(
    '',
    'Submit a version of the interim or final report (contracted supplier, or an officer for it; in-delivery); 403 not-the-contracted-supplier for any other supplier',
    ['supplier', 'officer'],
    201,
  )
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: SubmitReportDto,
    @Headers('idempotency-key') key?: string,
  ) {
    // Also answers 404 for an unknown or unpublished commission before anything is stored.
    const before = await this.commissions.view(id);
    mustRead('reports', before, actor);
    const submissionId = derivedId('report', id, actor.userId, key);
    const stored = await this.store.keep({
      submissionId,
      commissionId: id,
      kind: dto.kind,
      authorId: actor.userId,
      content: dto.content,
    });
    let view: CommissionView;
    try {
      const cmd = { actor, kind: dto.kind, submissionId, ...stored };
      view = await this.commissions.command(id, SubmitReportUpdate, cmd, key);
    } catch (err) {
      await this.discardUnlessKept(id, submissionId);
      throw err;
    }
    const report = view.reports!.find((r) => r.versions.some((v) => v.submissionId === submissionId))!;
    return { ...header(view, actor), report };
  }

  @Get()
  @ApiOperation({
    summary:
      'The reports with every version (no text) and where each stands: due date, status, overdue. Staff, and the contracted supplier',
  })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.readable(id, actor);
    return {
      ...header(view, actor),
      standings: reportStandings(view, Date.now()),
      reports: reportsFor(view, actor),
    };
  }

  @Get(':rid')
  @ApiOperation({ summary: 'One report with the text of each version and its review' })
  async one(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('rid') rid: string) {
    const view = await this.readable(id, actor);
    const report = this.reportOf(view, actor, rid);
    const contents = await this.store.contents(
      id,
      report.versions.map((v) => v.submissionId),
    );
    return {
      ...header(view, actor),
      ...report,
      versions: report.versions.map((v) => ({ ...v, content: contents.get(v.submissionId) ?? null })),
    };
  }

  @CommandEndpoint(
    ':rid/review',
    'Review the latest version (panel member or officer): accept, or revise with comments; the final report accepted after the interim → completed',
    ['panel', 'officer'],
  )
  async review(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Body() dto: ReviewReportDto,
    @Headers('idempotency-key') key?: string,
  ) {
    if (!UUID.test(rid)) throw ProblemException.notFound(`no report ${rid} on this commission`);
    const cmd = { actor, reportId: rid.toLowerCase(), decision: dto.decision, comments: dto.comments ?? '' };
    const view = await this.commissions.command(id, ReviewReportUpdate, cmd, key);
    const report = (view.reports ?? []).find((r) => r.reportId === cmd.reportId)!;
    return { ...header(view, actor), report };
  }

  /** Staff read every report; the contracted supplier its own; any other supplier finds nothing. */
  private async readable(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.commissions.view(id);
    mustRead('reports', view, actor);
    if (readsAsSupplier(actor) && view.contract?.supplier.userId !== actor.userId) {
      throw ProblemException.notFound(`no commission with id ${id}`);
    }
    return view;
  }

  private reportOf(view: CommissionView, actor: Actor, rid: string): Report {
    const report = reportsFor(view, actor).find((r) => r.reportId === rid.toLowerCase());
    if (!report) throw ProblemException.notFound(`no report ${rid} on this commission`);
    return report;
  }

  /** A refused version's text goes; one the workflow holds (an earlier try's) stays. */
  private async discardUnlessKept(id: string, submissionId: string): Promise<void> {
    const view = await this.commissions.view(id).catch(() => null);
    const kept = view?.reports?.some((r) => r.versions.some((v) => v.submissionId === submissionId));
    if (!kept) await this.store.discard(submissionId);
  }
}
