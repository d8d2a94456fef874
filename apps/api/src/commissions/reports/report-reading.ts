import { Injectable } from '@nestjs/common';
import { readsAsSupplier, reportsFor, type Actor, type CommissionView, type Report } from '@app/contracts';
import { ProblemException } from '../../problem/problem.exception';
import { mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { ReportStore } from './report-store';

export type ReportWithContents = Omit<Report, 'versions'> & {
  versions: (Report['versions'][number] & { content: string | null })[];
};

/**
 * Who reads a commission's reports, for the JSON API and the pages alike: staff every report, the
 * contracted supplier its own; any other supplier finds nothing, as for a commission it cannot see.
 */
@Injectable()
export class ReportReading {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly store: ReportStore,
  ) {}

  async readable(id: string, actor: Actor): Promise<CommissionView> {
    const view = await this.commissions.view(id);
    mustRead('reports', view, actor);
    if (readsAsSupplier(actor) && view.contract?.supplier.userId !== actor.userId) {
      throw ProblemException.notFound(`no commission with id ${id}`);
    }
    return view;
  }

  /** One report the caller may read, with each version's markdown from the read model. */
  async withContents(view: CommissionView, actor: Actor, rid: string): Promise<ReportWithContents> {
    const report = reportsFor(view, actor).find((r) => r.reportId === rid.toLowerCase());
    if (!report) throw ProblemException.notFound(`no report ${rid} on this commission`);
    const contents = await this.store.contents(
      view.id,
      report.versions.map((v) => v.submissionId),
    );
    return {
      ...report,
      versions: report.versions.map((v) => ({ ...v, content: contents.get(v.submissionId) ?? null })),
    };
  }
}
