import type { Actor } from '../people';
import type { ReportKind, ReviewDecision } from './reports';

/** A new version of a report: the receipt of markdown the API has already stored. */
export interface SubmitReport {
  actor: Actor;
  kind: ReportKind;
  submissionId: string;
  contentHash: string;
  size: number;
}

/** A review of the latest version of a report: accept it, or send it back with comments. */
export interface ReviewReport {
  actor: Actor;
  reportId: string;
  decision: ReviewDecision;
  comments: string;
}
