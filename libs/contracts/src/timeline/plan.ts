import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatLongDate,
  WEEKDAYS,
  type CalendarDate,
} from '../calendar/calendar-date';
import { formatLondon, londonDateOf, startOfLondonDay } from '../calendar/london-time';
import { REGIME_RULES, type LegalRule, type ProcurementRegime } from '../calendar/regimes';
import type { CalendarSnapshot } from '../calendar/snapshot';
import { standstillEnd } from '../calendar/standstill';
import { earliestLawfulClose } from '../calendar/tender-period';
import type { CommissionView } from '../commission';
import { parseDuration } from '../duration';
import type { Stage } from '../stages';
import {
  DEFAULT_DELIVERY_PLAN,
  VERDICTS,
  type DeliveryPlan,
  type StagePlan,
  type Timeline,
  type TimelineSettings,
  type TimelineStage,
  type UpstreamGate,
  type Verdict,
} from './timeline';

/*
 * Whether a commission's report dates can still be met, stage by stage. Pure (no clock, no I/O):
 * the caller passes today, the calendar snapshot and the settings, so the API, the worker's check
 * and the tests all plan the same way.
 *
 * Backwards from the report dates: the contract must start the supplier's delivery time before
 * each report; the standstill must end by then (PA2023 s.51, PCR2015 reg 87; none below
 * threshold, PA2023 ss.86–88); the award must come before the standstill; the evaluation
 * allowance before that; the tender must close by then and be published the regime's minimum
 * period earlier (PA2023 s.54(4), PCR2015 reg 27; none below threshold); sign-off before
 * publication. Forwards from today (and the real dates of what has happened): the earliest each
 * stage can finish. The gap between the two is the slack.
 */

export interface PlanInputs {
  /** The instant the plan is made at: now, or the time of the change being checked. */
  at: string;
  calendar: CalendarSnapshot;
  settings: TimelineSettings;
  /** The gate a `dependsOn` commission's tender waits on; null without one (or not known). */
  upstream: UpstreamGate | null;
}

const DAY_MS = 86_400_000;
/** How far back the planner looks for the latest lawful award or publication day. */
const SEARCH_DAYS = 120;

const ORDER: readonly Stage[] = [
  'drafting',
  'panel-review',
  'signed-off',
  'tendering',
  'evaluation',
  'standstill',
  'in-delivery',
  'completed',
];

const NAMES: Record<TimelineStage, string> = {
  'sign-off': 'panel sign-off',
  'tender-publication': 'publication of the tender',
  clarifications: 'clarification questions',
  'tender-close': 'the tender close',
  award: 'the award',
  standstill: 'the standstill',
  'contract-start': 'the contract start',
  'interim-report': 'the interim report',
  'final-report': 'the final report',
};

/** "Tuesday 12 May 2027". */
export function longDay(date: CalendarDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]} ${formatLongDate(date)}`;
}

/** Whole days in a duration of days or weeks, rounded up (part of a day still takes the day). */
export function durationDays(duration: string): number {
  return Math.ceil(parseDuration(duration) / DAY_MS);
}

const maxDay = (...days: CalendarDate[]): CalendarDate => days.reduce((a, b) => (b > a ? b : a));
const dayOf = (iso: string): CalendarDate => londonDateOf(iso);
const startIso = (day: CalendarDate): string => formatLondon(startOfLondonDay(day));

// A plan asks the same few hundred (regime, day) questions of every commission at every change,
// and each answer is a pure function of them and the calendar: kept, a bounded number per calendar.
const KEPT_ANSWERS = 4096;
// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function, the same for every workflow
const answers = new WeakMap<CalendarSnapshot, Map<string, CalendarDate>>();

function kept(cal: CalendarSnapshot, key: string, work: () => CalendarDate): CalendarDate {
  let known = answers.get(cal);
  if (!known) {
    known = new Map();
    answers.set(cal, known);
  }
  let answer = known.get(key);
  if (answer === undefined) {
    answer = work();
    if (known.size >= KEPT_ANSWERS) known.clear();
    known.set(key, answer);
  }
  return answer;
}

/** The day the contract may first be entered into after an award on `day` (standstill over). */
export function contractDayAfterAward(regime: ProcurementRegime, day: CalendarDate, cal: CalendarSnapshot) {
  return kept(cal, `standstill ${regime} ${day}`, () =>
    dayOf(standstillEnd(regime, startIso(day), cal).endsAt),
  );
}

/** The first day tenders may close when the notice is published on `day`. */
export function earliestCloseDay(regime: ProcurementRegime, day: CalendarDate, cal: CalendarSnapshot) {
  return kept(
    cal,
    `close ${regime} ${day}`,
    () => earliestLawfulClose(regime, startIso(day), null, cal).earliestClosingDay ?? day,
  );
}

/** The latest day on or before `bound` for which `fits` holds (periods only grow as days go back). */
function latestDay(bound: CalendarDate, fits: (day: CalendarDate) => boolean): CalendarDate {
  for (let back = 0; back <= SEARCH_DAYS; back++) {
    const day = addDays(bound, -back);
    if (fits(day)) return day;
  }
  return addDays(bound, -SEARCH_DAYS);
}

function reached(stage: Stage, milestone: Stage): boolean {
  return ORDER.indexOf(stage) >= ORDER.indexOf(milestone);
}

/** When a report was accepted: the gate the delivery stage records, or its deadline met. */
function reportMet(view: CommissionView, kind: 'interim' | 'final'): string | null {
  const gate = view.gatesMet?.[kind === 'interim' ? 'interim-report-accepted' : 'final-report-accepted'];
  if (gate) return gate.at;
  const deadline = (view.deadlines ?? []).find(
    (d) => d.milestone === `${kind}-report` && d.closedReason === 'met' && d.metAt,
  );
  return deadline?.metAt ?? null;
}

function standstillPhrase(regime: ProcurementRegime): string {
  const rules = REGIME_RULES[regime].standstill;
  if (rules.kind === 'working-days') return `${rules.days} working days of standstill`;
  if (rules.kind === 'days-after') return `a ${rules.days}-day standstill`;
  return 'no standstill';
}

function tenderDays(regime: ProcurementRegime): { days: number; rule: LegalRule } {
  const standard = REGIME_RULES[regime].tenderPeriod.standard;
  return standard
    ? { days: standard.days, rule: standard.rule }
    : {
        days: 0,
        rule: { citation: 'PA2023 ss.86–88', text: 'no statutory minimum tendering period below threshold' },
      };
}

function verdictOf(slack: number, atRiskDays: number): Verdict {
  if (slack < 0) return 'infeasible';
  return slack < atRiskDays ? 'at-risk' : 'on-track';
}

export function planTimeline(view: CommissionView, inputs: PlanInputs): Timeline {
  const { calendar: cal, settings } = inputs;
  const regime = view.regime;
  const today = dayOf(inputs.at);
  const delivery: DeliveryPlan = view.deliveryPlan ?? DEFAULT_DELIVERY_PLAN;
  const toInterim = durationDays(delivery.toInterim);
  const toFinal = durationDays(delivery.toFinal);
  const evaluationDays = durationDays(settings.evaluationAllowance);
  const tender = tenderDays(regime);
  const standstillRule = REGIME_RULES[regime].standstill.rule;

  // Backwards from the report dates.
  const interimDue = dayOf(view.milestones.interimReportDueAt);
  const finalDue = dayOf(view.milestones.finalReportDueAt);
  const byInterim = addDays(interimDue, -toInterim);
  const byFinal = addDays(finalDue, -toFinal);
  const binding = byInterim <= byFinal ? 'interim' : 'final';
  const contractLatest = binding === 'interim' ? byInterim : byFinal;
  const awardLatest = latestDay(
    contractLatest,
    (d) => contractDayAfterAward(regime, d, cal) <= contractLatest,
  );
  const closeLatest = addDays(awardLatest, -evaluationDays);
  const publishLatest = latestDay(closeLatest, (d) => earliestCloseDay(regime, d, cal) <= closeLatest);

  // Forwards from what has happened and today.
  const stage = view.stage;
  const live = stage === 'unsuccessful' ? 'drafting' : stage;
  const t = live === 'drafting' || live === 'panel-review' || live === 'signed-off' ? null : view.tender;
  const signedOffRound = [...view.signOff.rounds].reverse().find((r) => r.outcome === 'signed-off');
  const upstream = inputs.upstream;
  const gateDay = upstream ? dayOf(upstream.metAt ?? upstream.dueAt) : null;

  type Planned = { day: CalendarDate; basis: StagePlan['basis']; done: boolean };
  const actual = (day: CalendarDate): Planned => ({ day, basis: 'actual', done: true });
  const ahead = (day: CalendarDate, basis: 'published' | 'projected'): Planned => ({
    day: maxDay(day, today),
    basis,
    done: false,
  });

  const signedOffAt = signedOffRound?.decisions.map((d) => d.at).sort()[signedOffRound.decisions.length - 1];
  const signOff: Planned = reached(live, 'signed-off')
    ? actual(dayOf(signedOffAt ?? t?.publishedAt ?? inputs.at))
    : view.signOff.current
      ? ahead(dayOf(view.signOff.current.respondBy), 'published')
      : ahead(today, 'projected');
  const publication: Planned = t
    ? actual(dayOf(t.publishedAt))
    : ahead(maxDay(signOff.day, gateDay ?? signOff.day), 'projected');
  const close: Planned = t
    ? t.closedAt
      ? actual(dayOf(t.closedAt))
      : ahead(dayOf(t.closesAt), 'published')
    : ahead(earliestCloseDay(regime, publication.day, cal), 'projected');
  const clarifications: Planned = t
    ? reached(live, 'evaluation') || dayOf(t.clarificationsCloseAt) < today
      ? actual(dayOf(t.clarificationsCloseAt))
      : ahead(dayOf(t.clarificationsCloseAt), 'published')
    : ahead(maxDay(publication.day, addDays(close.day, -1)), 'projected');
  const award = view.award && reached(live, 'standstill') ? view.award : null;
  const awarded: Planned = award
    ? actual(dayOf(award.awardedAt))
    : ahead(addDays(close.day, evaluationDays), 'projected');
  const contract = view.contract && reached(live, 'in-delivery') ? view.contract : null;
  const standstill: Planned = award
    ? contract
      ? actual(dayOf(award.standstill.endsAt))
      : ahead(dayOf(award.standstill.endsAt), 'published')
    : ahead(contractDayAfterAward(regime, awarded.day, cal), 'projected');
  const started: Planned = contract ? actual(dayOf(contract.startDate)) : ahead(standstill.day, 'projected');
  const interimMet = reportMet(view, 'interim');
  const finalMet = reportMet(view, 'final');
  const interim: Planned = interimMet
    ? actual(dayOf(interimMet))
    : ahead(addDays(started.day, toInterim), 'projected');
  const final: Planned = finalMet
    ? actual(dayOf(finalMet))
    : ahead(addDays(started.day, toFinal), 'projected');

  const reportName = binding === 'interim' ? 'interim' : 'final';
  const allow = `${tender.days > 0 ? `${tender.days} days for tenders` : 'the tender period'}, ${evaluationDays} days of evaluation and ${standstillPhrase(regime)} before the ${reportName} report is due`;
  const plans: [TimelineStage, CalendarDate, Planned, string, LegalRule | null][] = [
    [
      'sign-off',
      publishLatest,
      signOff,
      `have the specification signed off by ${longDay(publishLatest)}, so the tender can be published in time`,
      null,
    ],
    [
      'tender-publication',
      publishLatest,
      publication,
      `publish the tender by ${longDay(publishLatest)} to allow ${allow}`,
      tender.rule,
    ],
    [
      'clarifications',
      addDays(closeLatest, -1),
      clarifications,
      `close clarification questions by ${longDay(addDays(closeLatest, -1))}, before the tender closes`,
      null,
    ],
    [
      'tender-close',
      closeLatest,
      close,
      `close the tender by ${longDay(closeLatest)} to leave ${evaluationDays} days for evaluation before the award`,
      null,
    ],
    [
      'award',
      awardLatest,
      awarded,
      `award the contract by ${longDay(awardLatest)} so that ${standstillPhrase(regime)} end by ${longDay(contractLatest)}`,
      standstillRule,
    ],
    [
      'standstill',
      contractLatest,
      standstill,
      `the standstill must be over by ${longDay(contractLatest)}`,
      standstillRule,
    ],
    [
      'contract-start',
      contractLatest,
      started,
      `enter into the contract by ${longDay(contractLatest)}, giving the supplier ${toInterim} days to the interim report and ${toFinal} to the final`,
      null,
    ],
    ['interim-report', interimDue, interim, `the interim report is due ${longDay(interimDue)}`, null],
    ['final-report', finalDue, final, `the final report is due ${longDay(finalDue)}`, null],
  ];

  const stages: StagePlan[] = plans.map(([name, latestFinish, p, action, rule]) => {
    const slackDays = daysBetween(p.day, latestFinish);
    const verdict = verdictOf(slackDays, settings.atRiskDays);
    return {
      stage: name,
      latestFinish,
      planned: p.day,
      basis: p.basis,
      done: p.done,
      slackDays,
      verdict,
      action: p.done
        ? `${capitalised(NAMES[name])} finished on ${longDay(p.day)}, ${describeSlack(slackDays)}`
        : slackDays < 0
          ? `${capitalised(action)}; the earliest it can be is ${longDay(p.day)}, ${-slackDays} day${-slackDays === 1 ? '' : 's'} late`
          : `${capitalised(action)} (${slackDays} day${slackDays === 1 ? '' : 's'} to spare)`,
      rule,
    };
  });

  // A gate that will never be met blocks publication for good.
  if (upstream?.neverToBeMet && !t) {
    const publish = stages.find((s) => s.stage === 'tender-publication')!;
    publish.verdict = 'infeasible';
    publish.action = `The tender cannot be published: "${upstream.title}" was cancelled, so its ${upstream.gate} gate will never be met`;
  }

  const ended = stage === 'completed' || stage === 'cancelled';
  const open = stages.filter((s) => !s.done);
  const verdict: Verdict | null = ended
    ? null
    : open.reduce<Verdict>(
        (w, s) => (VERDICTS.indexOf(s.verdict) > VERDICTS.indexOf(w) ? s.verdict : w),
        'on-track',
      );
  return {
    commissionId: view.id,
    regime,
    today,
    deliveryPlan: { ...delivery, source: view.deliveryPlan ? 'commission' : 'default' },
    settings,
    feasible: verdict === null ? null : verdict !== 'infeasible',
    verdict,
    why: explain(stage, open, verdict),
    stages,
    dependency: upstream && gateDay ? { ...upstream, plannedDay: gateDay } : null,
    calendarVersion: cal.version,
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeSlack(slack: number): string {
  if (slack === 0) return 'on its latest day';
  const n = Math.abs(slack);
  return `${n} day${n === 1 ? '' : 's'} ${slack > 0 ? 'before' : 'after'} its latest day`;
}

function explain(stage: Stage, open: StagePlan[], verdict: Verdict | null): string {
  if (stage === 'cancelled') return 'The commission was cancelled: nothing is left to plan.';
  if (stage === 'completed' || verdict === null) return 'The commission is completed.';
  const first = open.find((s) => s.verdict === verdict) ?? open[0];
  if (!first) return 'Every stage has finished.';
  if (verdict === 'infeasible') {
    const late = [...open].reverse().find((s) => s.stage.endsWith('-report') && s.slackDays < 0);
    const report = late
      ? `${capitalised(NAMES[late.stage])} due ${longDay(late.latestFinish)} cannot be met: the earliest it can come is ${longDay(late.planned)}. `
      : '';
    return `${report}${first.action}.`;
  }
  if (verdict === 'at-risk') return `At risk: ${first.action}.`;
  return `On track: ${first.action}.`;
}
