import type { CommissionView, SignOffRule } from '@app/contracts';
import { londonDateTime } from '../time/london-time';
import { listOfNames, STAGE_LABELS } from './labels';

/** What happens next on a commission and who is holding it up, in the words the page shows. */
export interface NextStep {
  text: string;
  /** "Waiting for: Isabelle Trowler — due 5pm, Friday 15 January 2027", or null when nobody is awaited. */
  waitingFor: string | null;
  overdue: boolean;
}

function waiting(names: string[], dueAt: string | null, now: Date): Pick<NextStep, 'waitingFor' | 'overdue'> {
  if (names.length === 0) return { waitingFor: null, overdue: false };
  const due = dueAt ? ` — due ${londonDateTime(dueAt)}` : '';
  return {
    waitingFor: `Waiting for: ${listOfNames(names)}${due}`,
    overdue: !!dueAt && Date.parse(dueAt) <= now.getTime(),
  };
}

/** The rule as the end of a sentence: "every panel member approves it", "2 panel members approve it, the chair among them". */
export function signOffCondition(rule: SignOffRule): string {
  if (rule.mode === 'unanimous') return 'every panel member approves it';
  const who = rule.quorum === 1 ? '1 panel member approves it' : `${rule.quorum} panel members approve it`;
  return rule.chairRequired ? `${who}, the chair among them` : who;
}

/**
 * `sees`: whether the reader may know who is on the commission and who cancelled it (READ_RULES'
 * people and cancellation parts); a supplier is told what happens, never who is awaited.
 */
export function nextStep(
  view: CommissionView,
  now: Date,
  sees: { people: boolean; cancellation: boolean } = { people: true, cancellation: true },
): NextStep {
  const step = stepFor(view, now, sees.cancellation);
  return sees.people ? step : { ...step, waitingFor: null, overdue: false };
}

function stepFor(view: CommissionView, now: Date, cancellationSeen: boolean): NextStep {
  const officers = view.officers.map((o) => o.name);
  const latest = view.specification.versions.at(-1);
  switch (view.stage) {
    case 'drafting': {
      if (!latest) {
        return {
          text: 'The officers write the specification, then submit it to the panel for sign-off.',
          ...waiting(officers, null, now),
        };
      }
      if (latest.changeRequests.length > 0) {
        return {
          text: `The panel asked for changes to version ${latest.version}. The officers revise the specification and submit the new version.`,
          ...waiting(officers, null, now),
        };
      }
      return {
        text: `Version ${latest.version} of the specification is ready to submit to the panel for sign-off.`,
        ...waiting(officers, null, now),
      };
    }
    case 'panel-review': {
      const round = view.signOff.current;
      const awaited = view.signOff.tally?.awaiting.map((m) => m.name) ?? [];
      return {
        text: `The panel is deciding on version ${round?.specificationVersion ?? '?'} of the specification. It is signed off when ${signOffCondition(view.signOffRule)}.`,
        ...waiting(awaited, round?.respondBy ?? null, now),
      };
    }
    case 'signed-off':
      return {
        text: `Version ${view.specification.currentVersion} of the specification is signed off. Next, the officers publish the tender.`,
        ...waiting(officers, null, now),
      };
    case 'cancelled': {
      const c = view.cancellation;
      return {
        text: !c
          ? 'This commission was cancelled. Nothing more happens.'
          : cancellationSeen
            ? `${c.by.name} cancelled this commission at ${londonDateTime(c.at)}. Nothing more happens.`
            : `This procurement was cancelled at ${londonDateTime(c.at)}. Nothing more happens.`,
        waitingFor: null,
        overdue: false,
      };
    }
    default:
      return {
        text: `The commission is at the stage: ${STAGE_LABELS[view.stage].text}.`,
        waitingFor: null,
        overdue: false,
      };
  }
}
