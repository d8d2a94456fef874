import { formatLongDate, isCalendarDate, type CalendarDate } from './calendar-date';
import { CalendarInputError } from './errors';
import { londonDateOf } from './london-time';
import {
  CENTRAL_GOVERNMENT_SERVICES_THRESHOLDS,
  NOTIFIABLE_BELOW_THRESHOLD_GBP,
  PA2023_IN_FORCE_FROM,
  type ProcurementRegime,
  type Threshold,
} from './regimes';

export interface DerivedRegime {
  regime: ProcurementRegime;
  /** For a person: "below the £135,018 threshold in force on 26 November 2026". */
  reason: string;
  /** The threshold compared with; null for PCR2015 (decided by the start date alone). */
  thresholdGbp: number | null;
  /** Below threshold: whether it is a notifiable below-threshold contract (PA2023 s.86). */
  notifiable: boolean | null;
}

/** "£135,018" or "£12,000.50": pounds with thousands separators, pence only when there are some. */
export function formatGbp(amount: number): string {
  const [pounds, pence] = amount.toFixed(2).split('.');
  const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `£${grouped}${pence === '00' ? '' : `.${pence}`}`;
}

function startDay(procurementStart: string): CalendarDate {
  return isCalendarDate(procurementStart)
    ? procurementStart
    : londonDateOf(procurementStart, 'procurementStart');
}

/** The threshold in force on a day on or after PA2023 came into force. */
export function thresholdOn(day: CalendarDate): Threshold {
  const inForce = CENTRAL_GOVERNMENT_SERVICES_THRESHOLDS.filter((t) => t.from <= day);
  return inForce[inForce.length - 1] ?? CENTRAL_GOVERNMENT_SERVICES_THRESHOLDS[0];
}

/**
 * The regime a procurement falls under, from its estimated value (GBP including VAT) and the day it
 * begins: PCR2015 if begun before 24 February 2025; then PA2023 at or above the central government
 * services threshold in force that day, below-threshold under it.
 */
export function deriveRegime(estimatedValueGbpInclVat: number, procurementStart: string): DerivedRegime {
  if (!Number.isFinite(estimatedValueGbpInclVat) || estimatedValueGbpInclVat < 0) {
    throw new CalendarInputError(
      'estimatedValue',
      'the estimated value must be a number of pounds, zero or more',
    );
  }
  const day = startDay(procurementStart);
  const value = formatGbp(estimatedValueGbpInclVat);
  if (day < PA2023_IN_FORCE_FROM) {
    return {
      regime: 'PCR2015',
      reason: `begun on ${formatLongDate(day)}, before the Procurement Act 2023 came into force on ${formatLongDate(PA2023_IN_FORCE_FROM)}, so the Public Contracts Regulations 2015 apply`,
      thresholdGbp: null,
      notifiable: null,
    };
  }
  const threshold = thresholdOn(day);
  const inForce = `the ${formatGbp(threshold.amountGbp)} threshold in force on ${formatLongDate(day)}`;
  if (estimatedValueGbpInclVat >= threshold.amountGbp) {
    return {
      regime: 'PA2023',
      reason: `${value} is at or above ${inForce} (${threshold.rule.citation})`,
      thresholdGbp: threshold.amountGbp,
      notifiable: null,
    };
  }
  const notifiable = estimatedValueGbpInclVat >= NOTIFIABLE_BELOW_THRESHOLD_GBP;
  return {
    regime: 'below-threshold',
    reason: `${value} is below ${inForce}; ${
      notifiable
        ? `a notifiable below-threshold contract (from ${formatGbp(NOTIFIABLE_BELOW_THRESHOLD_GBP)}, PA2023 s.86)`
        : `under ${formatGbp(NOTIFIABLE_BELOW_THRESHOLD_GBP)}, so not a notifiable below-threshold contract`
    }`,
    thresholdGbp: threshold.amountGbp,
    notifiable,
  };
}

/**
 * Null when `regime` is the one the value and the start day lead to; otherwise a sentence saying
 * why it contradicts them, and the choice then needs a recorded justification. Without a value only
 * the date can contradict: PCR2015 for a procurement begun under PA2023.
 */
export function regimeContradiction(
  regime: ProcurementRegime,
  estimatedValueGbpInclVat: number | null,
  procurementStart: string,
): string | null {
  const day = startDay(procurementStart);
  if (estimatedValueGbpInclVat === null) {
    if (day < PA2023_IN_FORCE_FROM && regime !== 'PCR2015') {
      return `${regime} was chosen, but a procurement begun on ${formatLongDate(day)} falls under the Public Contracts Regulations 2015 (PA2023 came into force on ${formatLongDate(PA2023_IN_FORCE_FROM)})`;
    }
    if (day >= PA2023_IN_FORCE_FROM && regime === 'PCR2015') {
      return `PCR2015 was chosen, but it applies only to procurements begun before ${formatLongDate(PA2023_IN_FORCE_FROM)}; this one begins on ${formatLongDate(day)}`;
    }
    return null;
  }
  const derived = deriveRegime(estimatedValueGbpInclVat, day);
  return derived.regime === regime
    ? null
    : `${regime} was chosen, but the value and date point to ${derived.regime}: ${derived.reason}`;
}
