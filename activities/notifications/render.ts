import {
  isMessage,
  type DeadlineNotification,
  type MessageKind,
  type MessageNotification,
  type Milestone,
  type NotificationRequest,
  londonWhen,
} from '@app/contracts';

const WHAT: Record<Milestone, string> = {
  'sign-off': 'Panel sign-off of the specification',
  clarification: 'Answers to clarification questions',
  'tender-close': 'The tender closing',
  scoring: 'Scoring of the bids',
  'standstill-end': 'The end of the standstill period',
  'interim-report': 'The interim report',
  'final-report': 'The final report',
  'contract-notice': 'The contract details notice',
};

export interface RenderedNotification {
  subject: string;
  body: string;
  link: string;
}

/** London time as people write it: "5pm, Friday 15 January 2027". */
function when(iso: string): string {
  return londonWhen(iso);
}

/** Each message's subject and opening line, from the facts the workflow recorded with it. */
const MESSAGES: Record<MessageKind, (title: string, facts: Record<string, string>) => [string, string]> = {
  'commission-cancelled': (title, f) => [
    `[Cancelled] ${title}`,
    `"${title}" was cancelled by ${f.by ?? 'an officer'}: ${f.reason ?? 'no reason given'}.`,
  ],
  'tender-closed': (title, f) => [
    `[Tender closed] ${title}: ${f.bids ?? 'some'} bid(s) opened`,
    `The tender for "${title}" closed at ${f.closedAt ? when(f.closedAt) : 'its closing time'} with ${f.bids ?? 'some'} bid(s); they are open for evaluation.`,
  ],
  'tender-closed-no-bids': (title, f) => [
    `[Tender closed, no bids] ${title}`,
    `The tender for "${title}" closed at ${f.closedAt ? when(f.closedAt) : 'its closing time'} with no bids; the commission is unsuccessful and an officer may reopen it to re-draft.`,
  ],
  'tender-deadline-reminder': (title, f) => [
    `[Reminder] ${f.milestone === 'clarification' ? 'Clarification questions close' : 'The tender closes'} ${f.dueAt ? when(f.dueAt) : ''} — ${title}`,
    `${f.milestone === 'clarification' ? 'Clarification questions' : 'Bids'} for "${title}" close on ${f.dueAt ? when(f.dueAt) : 'the published date'}.`,
  ],
  'assessment-summary': (title, f) => [
    `[${f.successful === 'true' ? 'Award' : 'Outcome'}] ${title}: your assessment summary`,
    `${f.successful === 'true' ? `Your bid ${f.bidId ?? ''} for "${title}" is to be awarded the contract` : `Your bid ${f.bidId ?? ''} for "${title}" was not successful; the contract is to be awarded to ${f.winner ?? 'another bidder'}`}. The standstill ends ${f.standstillEndsAt ? when(f.standstillEndsAt) : 'when the notice says'}; no contract is entered into before then.\n\nYour scores against the winning bid's (each out of 100, weight in brackets):\n${f.scores ?? ''}\nYour total ${f.total ?? ''}, the winning total ${f.winnersTotal ?? ''} (rank ${f.rank ?? ''}).\n\nThe reasons: ${f.rationale ?? ''}`,
  ],
  'contract-entered': (title, f) => [
    `[Contract] ${title}: the contract is entered into`,
    `The standstill for "${title}" has ended and the contract with you is entered into from ${f.startDate ? when(f.startDate) : 'today'} (value £${f.value ?? ''}). You owe the interim report by ${f.interimReportDueAt ? when(f.interimReportDueAt) : 'its date'} and the final report by ${f.finalReportDueAt ? when(f.finalReportDueAt) : 'its date'}.`,
  ],
  'contract-entered-unsuccessful': (title, f) => [
    `[Contract] ${title}: the contract has been entered into`,
    `The standstill for "${title}" has ended and the contract has been entered into with ${f.winner ?? 'the successful bidder'} from ${f.startDate ? when(f.startDate) : 'today'}.`,
  ],
  'dependency-met': (title, f) => [
    `[Dependency met] ${title}: its tender may be published`,
    `${f.upstream ?? 'The commission it depends on'}'s ${f.gate ?? 'gate is met'} (report ${f.reportId ?? ''}, version ${f.reportVersion ?? ''}, accepted ${f.metAt ? when(f.metAt) : ''}). "${title}" no longer waits on it: its tender may be published, and the accepted report is linked to it as an input.`,
  ],
  'dependency-never-to-be-met': (title, f) => [
    `[Dependency never to be met] ${title}`,
    `"${title}" waits until ${f.upstream ?? 'the commission it depends on'}'s ${f.gate ?? 'gate is met'}, which will now never happen: ${f.reason ?? 'it ended'}. An officer may drop the dependency, with a reason, so that the tender can be published.`,
  ],
  'timeline-worsened': (title, f) => [
    `[${f.to === 'infeasible' ? 'Dates cannot be met' : 'Dates at risk'}] ${title}`,
    `The timetable of "${title}" has gone from ${f.from ?? 'on-track'} to ${f.to ?? 'worse'}. ${f.why ?? ''}`,
  ],
  'report-submitted': (title, f) => [
    `[Report to review] ${title}: the ${f.kind ?? ''} report, version ${f.version ?? ''}`,
    `${f.submittedBy ?? 'The supplier'} submitted version ${f.version ?? ''} of the ${f.kind ?? ''} report for "${title}". A panel member or an officer accepts it or asks for a revision with comments.`,
  ],
  'report-revision-requested': (title, f) => [
    `[Revision requested] ${title}: the ${f.kind ?? ''} report`,
    `${f.by ?? 'A reviewer'} asked for a revision of version ${f.version ?? ''} of the ${f.kind ?? ''} report for "${title}":\n\n${f.comments ?? ''}`,
  ],
  'report-accepted': (title, f) => [
    `[Report accepted] ${title}: the ${f.kind ?? ''} report`,
    `${f.by ?? 'A reviewer'} accepted version ${f.version ?? ''} of the ${f.kind ?? ''} report for "${title}".${f.completed === 'true' ? ' The commission is completed.' : ''}`,
  ],
  'tender-closed-bid-receipt': (title, f) => [
    `[Receipt] The tender for ${title} has closed`,
    `The tender for "${title}" closed at ${f.closedAt ? when(f.closedAt) : 'its closing time'}. Your bid ${f.bidId ?? ''} (submitted ${f.submittedAt ? when(f.submittedAt) : ''}, content hash ${f.contentHash ?? ''}) was received and is now with the panel.`,
  ],
};

/**
 * Says what happened or what is due, for which commission, and where to act: the link opens the
 * commission's web page (the pages send a signed-out reader to sign in and straight back), or the
 * sign-off form for a panel member reminded to decide.
 */
export function render(n: NotificationRequest, publicBaseUrl: string): RenderedNotification {
  const link = linkFor(n, publicBaseUrl);
  const [subject, opening] = isMessage(n) ? renderMessage(n) : renderDeadline(n);
  const body = [
    opening,
    '',
    `Commission: ${n.commissionTitle} (${n.commissionId})`,
    ...(isMessage(n) ? [] : [`Due: ${when(n.dueAt)}`]),
    `Open it: ${link}`,
    '',
    `Reference: ${n.key}`,
  ].join('\n');
  return { subject, body, link };
}

const REPORT_MESSAGES: ReadonlySet<string> = new Set([
  'report-submitted',
  'report-revision-requested',
  'report-accepted',
]);

/** The commission's web page, never the JSON API (docs/api.md: links in emails point at `/`). */
export function linkFor(n: NotificationRequest, publicBaseUrl: string): string {
  const page = `${publicBaseUrl.replace(/\/$/, '')}/commissions/${encodeURIComponent(n.commissionId)}`;
  // Each bidder reads its own summary, scores against the winner's with the reasons, on its page.
  if (isMessage(n)) {
    if (n.message === 'assessment-summary') return `${page}/assessment`;
    // Each report message names its report, read and reviewed on its own page.
    if (REPORT_MESSAGES.has(n.message) && n.facts.reportId) {
      return `${page}/reports/${encodeURIComponent(n.facts.reportId)}`;
    }
    return page;
  }
  // A report due or overdue: the reports page, with its due dates and the form to submit.
  if (n.milestone === 'interim-report' || n.milestone === 'final-report') return `${page}/reports`;
  if (n.milestone === 'sign-off' && n.kind === 'reminder') return `${page}/sign-off`;
  // Scores are given, and who owes them seen, on the evaluation page.
  if (n.milestone === 'scoring') return `${page}/evaluation`;
  return page;
}

function renderMessage(n: MessageNotification): [string, string] {
  return MESSAGES[n.message](n.commissionTitle, n.facts);
}

/** "Alan Wood", "Alan Wood and Isabelle Trowler", "A, B and C". */
function names(list: string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function renderDeadline(n: DeadlineNotification): [string, string] {
  const what = WHAT[n.milestone];
  const version = n.specificationVersion;
  if (n.kind === 'escalation') {
    const still = n.milestone === 'scoring' ? 'Still to score' : 'Still to decide';
    const outstanding = n.outstanding?.length
      ? ` ${still}${version ? ` on version ${version}` : ''}: ${names(n.outstanding)}.`
      : '';
    return [
      `[Overdue] ${what} was due ${when(n.dueAt)} — ${n.commissionTitle}`,
      `${what} for "${n.commissionTitle}" was due at ${when(n.dueAt)} and has not been met.${outstanding}`,
    ];
  }
  if (n.milestone === 'sign-off') {
    const ofVersion = version ? `version ${version} of the specification` : 'the specification';
    return [
      `[Reminder] Decide on ${ofVersion} by ${when(n.dueAt)} — ${n.commissionTitle}`,
      `You have not yet decided on ${ofVersion} of "${n.commissionTitle}". Approve it or ask for changes by ${when(n.dueAt)}.`,
    ];
  }
  if (n.milestone === 'scoring') {
    const owed = n.outstanding?.length ? ` Still to score: ${names(n.outstanding)}.` : '';
    return [
      `[Reminder] Score the bids by ${when(n.dueAt)} — ${n.commissionTitle}`,
      `You have bids still to score for "${n.commissionTitle}". Scores are due by ${when(n.dueAt)}.${owed}`,
    ];
  }
  return [
    `[Reminder] ${what} is due ${when(n.dueAt)} — ${n.commissionTitle}`,
    `${what} for "${n.commissionTitle}" is due at ${when(n.dueAt)}.`,
  ];
}
