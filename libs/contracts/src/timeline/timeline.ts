import type { CalendarDate } from '../calendar/calendar-date';
import type { LegalRule } from '../calendar/regimes';
import type { DependencyGate } from '../commission';

/*
 * The timetable's types: what the planner (plan.ts) answers for one commission. Dates are London
 * calendar days: the law counts whole days, and "by Tuesday 12 May 2027" is what an officer acts on.
 */

/**
 * How long the supplier needs from the contract's start to each report, stated on the commission
 * (ISO 8601 durations of days or weeks). Absent: DEFAULT_DELIVERY_PLAN.
 */
export interface DeliveryPlan {
  toInterim: string;
  toFinal: string;
}

/**
 * Eight weeks to an interim report and sixteen to a final one: a small evidence review's usual
 * shape. A commission states its own when the supplier's method is known.
 */
export const DEFAULT_DELIVERY_PLAN: DeliveryPlan = { toInterim: 'P8W', toFinal: 'P16W' };

/** The planner's settings (libs/config: TIMELINE_EVALUATION_ALLOWANCE, TIMELINE_AT_RISK_DAYS). */
export interface TimelineSettings {
  /** Calendar time from the tender's close to the award: scoring, moderation, approval. */
  evaluationAllowance: string;
  /** A stage with less slack than this many days is at risk. */
  atRiskDays: number;
}

export const DEFAULT_TIMELINE_SETTINGS: TimelineSettings = { evaluationAllowance: 'P14D', atRiskDays: 5 };

export const TIMELINE_STAGES = [
  'sign-off',
  'tender-publication',
  'clarifications',
  'tender-close',
  'award',
  'standstill',
  'contract-start',
  'interim-report',
  'final-report',
] as const;
export type TimelineStage = (typeof TIMELINE_STAGES)[number];

/** Worst last, so a verdict "worsens" when its index grows. */
export const VERDICTS = ['on-track', 'at-risk', 'infeasible'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function isWorse(next: Verdict, previous: Verdict | null): boolean {
  return VERDICTS.indexOf(next) > (previous === null ? 0 : VERDICTS.indexOf(previous));
}

export interface StagePlan {
  stage: TimelineStage;
  /** The last day this stage can finish and still meet both report dates. */
  latestFinish: CalendarDate;
  /** The day it finished (done) or is planned or projected to finish. */
  planned: CalendarDate;
  /** actual: it happened; published: a date fixed on the commission; projected: the earliest it can. */
  basis: 'actual' | 'published' | 'projected';
  done: boolean;
  /** latestFinish − planned, in days; negative is late. */
  slackDays: number;
  verdict: Verdict;
  /** What a person does about it, in a sentence. */
  action: string;
  /** The law or setting that fixes the gap before the next stage, when one does. */
  rule: LegalRule | null;
}

/** The other commission's gate this one's tender waits on (see dependency/gates.ts). */
export interface UpstreamGate {
  commissionId: string;
  title: string;
  gate: DependencyGate;
  /** The report's due date: when the gate is planned to be met. */
  dueAt: string;
  /** When it was met; null while waiting. */
  metAt: string | null;
  /** The upstream was cancelled: the gate will never be met. */
  neverToBeMet: boolean;
}

export interface Timeline {
  commissionId: string;
  regime: string;
  /** The day the plan was made for. */
  today: CalendarDate;
  deliveryPlan: DeliveryPlan & { source: 'commission' | 'default' };
  settings: TimelineSettings;
  /** null once the commission has ended (completed or cancelled): nothing is left to plan. */
  feasible: boolean | null;
  verdict: Verdict | null;
  /** Why, in a sentence or two. */
  why: string;
  stages: StagePlan[];
  dependency: (UpstreamGate & { plannedDay: CalendarDate }) | null;
  calendarVersion: string;
}
