import { addDays, type CalendarDate } from './calendar-date';
import { CalendarInputError } from './errors';
import { formatLondon, londonDateOf, instantOf, startOfLondonDay } from './london-time';
import {
  BELOW_THRESHOLD_TENDER_RULE,
  combineRules,
  PCR2015_PERIOD_END_RULE,
  REGIME_RULES,
  type LegalRule,
  type PeriodRule,
  type ProcurementRegime,
  type TenderPeriodGround,
} from './regimes';
import { workingDayOnOrAfter, type SkippedDay } from './working-days';
import { assertCovered, type CalendarSnapshot } from './snapshot';

export interface TenderPeriodOptions {
  /** PA2023 s.54(4): not all tender documents are provided with the tender notice (30 days). */
  documentsNotAllAtOnce?: boolean;
  /** PCR2015 reg 27(1): tenders cannot be submitted electronically (35 days). */
  tendersNotElectronic?: boolean;
}

export interface EarliestClose {
  regime: ProcurementRegime;
  ground: TenderPeriodGround | null;
  /** The London day the notice was published (PA2023) or sent (PCR2015). */
  publishedOn: CalendarDate;
  /** The statutory minimum in calendar days; 0 below threshold. */
  minimumDays: number;
  /** The first day on which tenders may be due; null below threshold (no minimum). */
  earliestClosingDay: CalendarDate | null;
  /** The earliest lawful closing time: the start of that day, London time. */
  earliestClosesAt: string;
  /** Non-working days the closing day was moved past (PCR2015 reg 2(4)). */
  skipped: SkippedDay[];
  rule: LegalRule;
  calendarVersion: string;
}

function periodRule(
  regime: ProcurementRegime,
  ground: TenderPeriodGround | null,
  options: TenderPeriodOptions,
): PeriodRule | null {
  const rules = REGIME_RULES[regime].tenderPeriod;
  if (!rules.standard) return null;
  if (ground) {
    const shortened = rules.grounds[ground];
    if (!shortened) throw new CalendarInputError('ground', `${regime} has no ground ${ground}`);
    return shortened;
  }
  if (options.documentsNotAllAtOnce && rules.documentsNotAllAtOnce) return rules.documentsNotAllAtOnce;
  if (options.tendersNotElectronic && rules.tendersNotElectronic) return rules.tendersNotElectronic;
  return rules.standard;
}

/**
 * The earliest lawful closing time for tenders. The minimum is counted in calendar days from the
 * day after publication, the closing day being the last of them (PA2023 s.54(4); PCR2015 reg 27
 * with reg 2(4), which moves a closing day that is not a working day to the next working day).
 * Any time on the closing day is lawful, so the earliest is its start. Below threshold there is no
 * minimum: the publication time itself.
 */
export function earliestLawfulClose(
  regime: ProcurementRegime,
  publishedAtIso: string,
  ground: TenderPeriodGround | null,
  snapshot: CalendarSnapshot,
  options: TenderPeriodOptions = {},
): EarliestClose {
  const publishedAt = instantOf(publishedAtIso, 'publishedAt');
  const publishedOn = londonDateOf(publishedAt);
  const base = { regime, ground, publishedOn, calendarVersion: snapshot.version };
  const period = periodRule(regime, ground, options);
  if (!period) {
    return {
      ...base,
      minimumDays: 0,
      earliestClosingDay: null,
      earliestClosesAt: formatLondon(publishedAt),
      skipped: [],
      rule: BELOW_THRESHOLD_TENDER_RULE,
    };
  }
  const nominal = addDays(publishedOn, period.days);
  let closingDay = nominal;
  let skipped: SkippedDay[] = [];
  let rule = period.rule;
  if (REGIME_RULES[regime].tenderPeriod.rollsToWorkingDay) {
    assertCovered(snapshot, publishedOn, 'publishedAt');
    ({ date: closingDay, skipped } = workingDayOnOrAfter(nominal, regime, snapshot));
    if (closingDay !== nominal) {
      rule = combineRules(period.rule, PCR2015_PERIOD_END_RULE);
    }
  }
  return {
    ...base,
    minimumDays: period.days,
    earliestClosingDay: closingDay,
    earliestClosesAt: formatLondon(startOfLondonDay(closingDay)),
    skipped,
    rule,
  };
}

/**
 * Null when closing at `closesAtIso` respects the minimum; otherwise the earliest lawful close, so
 * a refusal can name the rule and the first time that would be accepted.
 */
export function tenderPeriodShortfall(
  regime: ProcurementRegime,
  publishedAtIso: string,
  closesAtIso: string,
  ground: TenderPeriodGround | null,
  snapshot: CalendarSnapshot,
  options: TenderPeriodOptions = {},
): EarliestClose | null {
  const earliest = earliestLawfulClose(regime, publishedAtIso, ground, snapshot, options);
  const closesAt = instantOf(closesAtIso, 'closesAt');
  return closesAt >= instantOf(earliest.earliestClosesAt) ? null : earliest;
}
