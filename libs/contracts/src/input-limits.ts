import type { ReminderPolicy } from './commission';
import { parseDuration } from './duration';
import type { Person } from './people';
import { sameId } from './text';

/**
 * How many people one commission names. Each of them can be sent reminders and escalations, so
 * these also bound how many messages one due date can cause.
 */
export const MEMBERSHIP_LIMITS = { panel: 20, officers: 10, observers: 20 } as const;

/** At most this many reminders before each due date. */
export const REMINDER_LIMITS = { offsets: 5 } as const;

/** The least time between two messages about one due date to one recipient. */
export interface ReminderFloor {
  /** Escalations after a due date has passed are at least this far apart. */
  overdueEvery: string;
  /** Reminders are at least this far apart, and the last at least this long before the due time. */
  offsetSpacing: string;
}

/**
 * Production sends at most one escalation a day and no two reminders within an hour; development
 * and tests keep second-scale policies so that a whole reminder cycle can be watched in seconds.
 */
export const REMINDER_FLOORS: Readonly<Record<'production' | 'development', ReminderFloor>> = {
  production: { overdueEvery: 'P1D', offsetSpacing: 'PT1H' },
  development: { overdueEvery: 'PT1S', offsetSpacing: 'PT1S' },
};

export function reminderFloorFor(env: string): ReminderFloor {
  return env === 'production' ? REMINDER_FLOORS.production : REMINDER_FLOORS.development;
}

export interface FieldProblem {
  field: string;
  message: string;
}

function millis(duration: string): number | null {
  try {
    return parseDuration(duration);
  } catch {
    return null;
  }
}

/** Why a reminder policy would send more than the floor allows; empty when it would not. */
export function reminderPolicyProblems(policy: ReminderPolicy, floor: ReminderFloor): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (policy.before.length > REMINDER_LIMITS.offsets) {
    problems.push({
      field: 'reminderPolicy.before',
      message: `at most ${REMINDER_LIMITS.offsets} reminders before a due date`,
    });
  }
  const spacing = parseDuration(floor.offsetSpacing);
  const offsets = policy.before
    .map((text) => ({ text, ms: millis(text) }))
    .filter((o): o is { text: string; ms: number } => o.ms !== null)
    .sort((a, b) => b.ms - a.ms);
  for (const [i, o] of offsets.entries()) {
    const next = offsets[i + 1];
    if (next && o.ms === next.ms) {
      problems.push({
        field: 'reminderPolicy.before',
        message: `${o.text} and ${next.text} are the same time`,
      });
    } else if (next && o.ms - next.ms < spacing) {
      problems.push({
        field: 'reminderPolicy.before',
        message: `${o.text} and ${next.text} are closer than ${floor.offsetSpacing}`,
      });
    }
  }
  const last = offsets.at(-1);
  if (last && last.ms < spacing) {
    problems.push({
      field: 'reminderPolicy.before',
      message: `the last reminder (${last.text}) must be at least ${floor.offsetSpacing} before the due time`,
    });
  }
  const every = millis(policy.overdueEvery);
  if (every !== null && every < parseDuration(floor.overdueEvery)) {
    problems.push({
      field: 'reminderPolicy.overdueEvery',
      message: `escalations are at least ${floor.overdueEvery} apart`,
    });
  }
  return problems;
}

/**
 * People named both as an officer and on the panel of one commission. Whoever drafts and submits a
 * specification must not also sign it off: an internal-control rule (separation of duties, the
 * "four eyes" principle), not a statutory one.
 */
export function officersOnPanel(officers: readonly Person[], panel: readonly Person[]): Person[] {
  return officers.filter((o) => panel.some((m) => sameId(m.userId, o.userId)));
}
