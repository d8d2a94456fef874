import { Body, Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewReportUpdate, reportStandings, reportsFor, type Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { ProblemException } from '../../problem/problem.exception';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { header } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { ReportReading } from './report-reading';
import { ReportSubmission } from './report-submission';
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
    private readonly reading: ReportReading,
    private readonly submission: ReportSubmission,
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
    const { view, report } = await this.submission.submit(
      id,
      actor,
      { kind: dto.kind, content: dto.content },
      key,
    );
    return { ...header(view, actor), report };
  }

  @Get()
  @ApiOperation({
    summary:
      'The reports with every version (no text) and where each stands: due date, status, overdue. Staff, and the contracted supplier',
  })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.reading.readable(id, actor);
    return {
      ...header(view, actor),
      standings: reportStandings(view, Date.now()),
      reports: reportsFor(view, actor),
    };
  }

  @Get(':rid')
  @ApiOperation({ summary: 'One report with the text of each version and its review' })
  async one(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('rid') rid: string) {
    const view = await this.reading.readable(id, actor);
    return { ...header(view, actor), ...(await this.reading.withContents(view, actor, rid)) };
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
}
