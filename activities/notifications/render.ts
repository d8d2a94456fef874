import {
  isMessage,
  type DeadlineNotification,
  type MessageKind,
  type MessageNotification,
  type Milestone,
  type NotificationRequest,
} from '@app/contracts';

const WHAT: Record<Milestone, string> = {
  'sign-off': 'Panel sign-off of the specification',
  clarification: 'Answers to clarification questions',
  'tender-close': 'The tender closing',
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

function when(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', 'UTC');
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
  'tender-closed-bid-receipt': (title, f) => [
    `[Receipt] The tender for ${title} has closed`,
    `The tender for "${title}" closed at ${f.closedAt ? when(f.closedAt) : 'its closing time'}. Your bid ${f.bidId ?? ''} (submitted ${f.submittedAt ? when(f.submittedAt) : ''}, content hash ${f.contentHash ?? ''}) was received and is now with the panel.`,
  ],
};

/** Says what happened or what is due, for which commission, and where to look. */
export function render(n: NotificationRequest, publicBaseUrl: string): RenderedNotification {
  const link = `${publicBaseUrl.replace(/\/$/, '')}/v1/commissions/${n.commissionId}`;
  const [subject, opening] = isMessage(n) ? renderMessage(n) : renderDeadline(n);
  const body = [
    opening,
    '',
    `Commission: ${n.commissionTitle} (${n.commissionId})`,
    ...(isMessage(n) ? [] : [`Due: ${n.dueAt}`]),
    `Details: ${link}`,
    '',
    `Reference: ${n.key}`,
  ].join('\n');
  return { subject, body, link };
}

function renderMessage(n: MessageNotification): [string, string] {
  return MESSAGES[n.message](n.commissionTitle, n.facts);
}

function renderDeadline(n: DeadlineNotification): [string, string] {
  const what = WHAT[n.milestone];
  if (n.kind === 'escalation') {
    return [
      `[Overdue] ${what} was due ${when(n.dueAt)} — ${n.commissionTitle}`,
      `${what} for "${n.commissionTitle}" was due on ${when(n.dueAt)} and has not been met.`,
    ];
  }
  return [
    `[Reminder] ${what} is due ${when(n.dueAt)} — ${n.commissionTitle}`,
    `${what} for "${n.commissionTitle}" is due on ${when(n.dueAt)}.`,
  ];
}
