/**
 * Every reason the workflow can refuse a command, with the HTTP status and title it answers with.
 * The API maps a refusal to problem+json through this table alone, and the `satisfies` clause makes
 * the table exhaustive: a new code without a status does not compile, so it can never become a 500.
 */
export const REFUSAL_CODES = {
  'wrong-role': { status: 403, title: 'Your role cannot do this' },
  'not-a-member': { status: 403, title: 'You are not a member of this commission' },
  'wrong-stage': { status: 409, title: 'Not allowed in this stage' },
  'stale-version': { status: 409, title: 'That version is not the current one' },
  'already-decided': { status: 409, title: 'Already decided' },
  'nothing-to-submit': { status: 409, title: 'Nothing to submit' },
  'unrevised-after-changes': { status: 409, title: 'Revise the specification first' },
  'no-open-deadline': { status: 409, title: 'No open deadline' },
  'deadlines-untracked': { status: 409, title: 'Deadlines are not tracked on this commission' },
  'limit-reached': { status: 409, title: 'A limit of this commission has been reached' },
  'invalid-input': { status: 400, title: 'Invalid request' },
  'period-too-short': { status: 409, title: 'The period is shorter than the law allows' },
  'dependency-unmet': { status: 409, title: 'A dependency of this commission is not met yet' },
  'no-dependency': { status: 409, title: 'This commission has no dependency to drop' },
  'tender-closed': { status: 409, title: 'The tender has closed' },
  'clarifications-closed': { status: 409, title: 'The clarification period has closed' },
  'already-answered': { status: 409, title: 'The question has already been answered' },
  'no-such-question': { status: 404, title: 'No such clarification question' },
  'conflict-of-interest': { status: 403, title: 'You declared a conflict of interest with this bidder' },
  'no-such-bid': { status: 404, title: 'No such current bid' },
  'scoring-incomplete': { status: 409, title: 'Eligible panel members have not scored every bid' },
  'not-top-ranked': { status: 409, title: 'The bid is not the top-ranked one and no reason was given' },
  'no-such-challenge': { status: 404, title: 'No such challenge' },
  'already-lifted': { status: 409, title: 'The challenge has already been lifted' },
  'not-the-contracted-supplier': { status: 403, title: 'Only the contracted supplier submits reports' },
  'no-such-report': { status: 404, title: 'No such report' },
  'report-not-awaiting-review': { status: 409, title: 'The report has no version awaiting review' },
  'report-already-accepted': { status: 409, title: 'The report has already been accepted' },
  'interim-report-not-accepted': { status: 409, title: 'The interim report must be accepted first' },
  'contract-notice-owed': { status: 409, title: 'The contract details notice must be published first' },
  'computed-for-another-day': { status: 409, title: 'The legal period was computed for another day' },
} as const satisfies Record<string, { status: 400 | 403 | 404 | 409; title: string }>;

export type RefusalCode = keyof typeof REFUSAL_CODES;

/** The ApplicationFailure type every refusal is raised with; the code travels in its details. */
export const COMMAND_REFUSED = 'CommandRefused';

/** The details carried by a refusal, so the API can name the code, the stage and the reason. */
export interface RefusalDetails {
  code: RefusalCode;
  stage: string;
  reason: string;
  /** Facts a client can act on, added to the problem as extensions (e.g. earliestLawfulClose). */
  facts?: Record<string, string>;
}

/** Each code's problem `type` URI: one per code, stable, documented in the OpenAPI document. */
export function refusalTypeUri(code: RefusalCode): string {
  return `https://commissioning.example.gov.uk/problems/${code}`;
}

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REFUSAL_CODES, value);
}
