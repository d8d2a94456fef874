import { createEvents, type EventAttributes } from 'ics';
import type { Milestone } from '@app/contracts';

/** What falls due at each milestone, as a calendar entry's title begins. */
const DUE: Record<Milestone, string> = {
  'sign-off': 'Panel sign-off of the specification',
  clarification: 'Clarification questions close',
  'tender-close': 'The tender closes',
  scoring: 'The panel’s scores of the bids are due',
  'standstill-end': 'The standstill period ends',
  'interim-report': 'The interim report is due',
  'final-report': 'The final report is due',
  'contract-notice': 'The contract details notice is due',
};

/** The same entry in an e-mailed invitation and in the person's feed, so calendars merge them. */
export function deadlineUid(commissionId: string, milestone: Milestone): string {
  return `${commissionId}.${milestone}@commissioning`;
}

export function deadlineTitle(milestone: Milestone, commissionTitle: string): string {
  return `${DUE[milestone]} — ${commissionTitle}`;
}

/** One due date as a calendar entry (RFC 5545): what is due, for which commission, and where to act. */
export interface DeadlineEvent {
  /** Stable per commission and milestone, so a moved deadline updates the entry instead of adding one. */
  uid: string;
  /** Grows when the deadline moves (the deadline's version): calendars keep the highest. */
  sequence: number;
  title: string;
  description: string;
  dueAt: string;
  url: string;
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${iso}`);
  return ms;
}

function toAttributes(e: DeadlineEvent): EventAttributes {
  return {
    uid: e.uid,
    sequence: e.sequence,
    title: e.title,
    description: e.description,
    url: e.url,
    // A due time is a moment, not a meeting: a zero-length entry at it, written in UTC so every
    // calendar shows it in its own zone.
    start: instant(e.dueAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: instant(e.dueAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    busyStatus: 'FREE',
    productId: 'commissioning/deadlines',
  };
}

/** An iCalendar document (METHOD:PUBLISH) with the given due dates; `name` labels a subscribed feed. */
export function deadlineCalendar(events: DeadlineEvent[], name?: string): string {
  const { error, value } = createEvents(events.map(toAttributes), {
    productId: 'commissioning/deadlines',
    method: 'PUBLISH',
    ...(name ? { calName: name } : {}),
  });
  if (error || typeof value !== 'string') throw error ?? new Error('could not write the calendar');
  return value;
}
