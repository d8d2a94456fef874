import { Injectable } from '@nestjs/common';
import {
  SubmitReportUpdate,
  type Actor,
  type CommissionView,
  type Report,
  type ReportKind,
} from '@app/contracts';
import { mustRead } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { derivedId } from '../tender/derived-id';
import { ReportStore } from './report-store';

/**
 * A version of a report, as the JSON API and the web form both submit it: the markdown is stored
 * before the workflow hears of it, and the workflow gets only the receipt; a version the workflow
 * refuses is discarded unless an earlier try of the same submission is already held.
 */
@Injectable()
export class ReportSubmission {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly store: ReportStore,
  ) {}

  async submit(
    id: string,
    actor: Actor,
    content: { kind: ReportKind; content: string },
    key: string | undefined,
  ): Promise<{ view: CommissionView; report: Report }> {
    // Also answers 404 for an unknown or unpublished commission before anything is stored.
    const before = await this.commissions.view(id);
    mustRead('reports', before, actor);
    const submissionId = derivedId('report', id, actor.userId, key);
    const stored = await this.store.keep({
      submissionId,
      commissionId: id,
      kind: content.kind,
      authorId: actor.userId,
      content: content.content,
    });
    let view: CommissionView;
    try {
      const cmd = { actor, kind: content.kind, submissionId, ...stored };
      view = await this.commissions.command(id, SubmitReportUpdate, cmd, key);
    } catch (err) {
      await this.discardUnlessKept(id, submissionId);
      throw err;
    }
    const report = view.reports!.find((r) => r.versions.some((v) => v.submissionId === submissionId))!;
    return { view, report };
  }

  /** A refused version's text goes; one the workflow holds (an earlier try's) stays. */
  private async discardUnlessKept(id: string, submissionId: string): Promise<void> {
    const view = await this.commissions.view(id).catch(() => null);
    const kept = view?.reports?.some((r) => r.versions.some((v) => v.submissionId === submissionId));
    if (!kept) await this.store.discard(submissionId);
  }
}
