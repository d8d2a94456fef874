import type { Milestone, NotificationRequest } from '@app/contracts';

const WHAT: Record<Milestone, string> = {
  'sign-off': 'Panel sign-off of the specification',
  clarification: 'Answers to clarification questions',
  'tender-close': 'The tender closing',
  'standstill-end': 'The end of the standstill period',
  'interim-report': 'The interim report',
  'final-report': 'The final report',
};

export interface RenderedNotification {
  subject: string;
  body: string;
  link: string;
}

function when(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', 'UTC');
}

/** Says what is due, when, for which commission, and where to look. */
export function render(n: NotificationRequest, publicBaseUrl: string): RenderedNotification {
  const what = WHAT[n.milestone];
  const link = `${publicBaseUrl.replace(/\/$/, '')}/v1/commissions/${n.commissionId}`;
  const overdue = n.kind === 'escalation';
  const subject = overdue
    ? `[Overdue] ${what} was due ${when(n.dueAt)} — ${n.commissionTitle}`
    : `[Reminder] ${what} is due ${when(n.dueAt)} — ${n.commissionTitle}`;
  const body = [
    overdue
      ? `${what} for "${n.commissionTitle}" was due on ${when(n.dueAt)} and has not been met.`
      : `${what} for "${n.commissionTitle}" is due on ${when(n.dueAt)}.`,
    '',
    `Commission: ${n.commissionTitle} (${n.commissionId})`,
    `Due: ${n.dueAt}`,
    `Details: ${link}`,
    '',
    `Reference: ${n.key}`,
  ].join('\n');
  return { subject, body, link };
}
