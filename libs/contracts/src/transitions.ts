import type { Action } from './rules';
import type { Milestone } from './deadlines';
import { OPEN_STAGES, type Stage } from './stages';

/**
 * Every way a commission moves from one stage to another, as data: by a command a person sends, or
 * by a deadline falling due (an on-due transition). The workflow refuses to record a stage change
 * that is not listed here, so this table is the lifecycle; `GET /v1/docs` and the stage-rules tests
 * read it too.
 */
export type TransitionTrigger = { command: Action } | { deadline: Milestone };

export interface Transition {
  from: readonly Stage[];
  to: Stage;
  by: TransitionTrigger;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: ['drafting'], to: 'panel-review', by: { command: 'submit-specification' } },
  { from: ['panel-review'], to: 'signed-off', by: { command: 'sign-off' } },
  // Any request for changes sends the version back to drafting.
  { from: ['panel-review'], to: 'drafting', by: { command: 'sign-off' } },
  { from: OPEN_STAGES, to: 'cancelled', by: { command: 'cancel' } },
  { from: ['signed-off'], to: 'tendering', by: { command: 'publish-tender' } },
  // The tender closes by itself at its closing time: bids opened, or none came.
  { from: ['tendering'], to: 'evaluation', by: { deadline: 'tender-close' } },
  { from: ['tendering'], to: 'unsuccessful', by: { deadline: 'tender-close' } },
  { from: ['unsuccessful'], to: 'drafting', by: { command: 'reopen' } },
  { from: ['evaluation'], to: 'standstill', by: { command: 'award' } },
  // The standstill ends by itself, unless a challenge suspends entry; lifting the last one after
  // the end enters the contract at once.
  { from: ['standstill'], to: 'in-delivery', by: { deadline: 'standstill-end' } },
  { from: ['standstill'], to: 'in-delivery', by: { command: 'lift-challenge' } },
  // Accepting the final report (only ever after the interim one) completes the commission.
  { from: ['in-delivery'], to: 'completed', by: { command: 'review-report' } },
];

function sameTrigger(a: TransitionTrigger, b: TransitionTrigger): boolean {
  return 'command' in a
    ? 'command' in b && a.command === b.command
    : 'deadline' in b && a.deadline === b.deadline;
}

/** Whether the lifecycle allows `from` → `to` by this trigger (staying put is always allowed). */
export function isAllowedTransition(from: Stage, to: Stage, by: TransitionTrigger): boolean {
  if (from === to) return true;
  return TRANSITIONS.some((t) => t.to === to && t.from.includes(from) && sameTrigger(t.by, by));
}
