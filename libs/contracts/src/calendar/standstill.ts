import { parseDuration } from '../duration';
import { addDays, type CalendarDate } from './calendar-date';
import { CalendarInputError } from './errors';
import { endOfLondonDay, formatLondon, londonDateOf, instantOf } from './london-time';
import { combineRules, REGIME_RULES, type LegalRule, type ProcurementRegime } from './regimes';
import { isWorkingDay, workingDayOnOrAfter, type SkippedDay } from './working-days';
import { assertCovered, type CalendarSnapshot } from './snapshot';

export interface StandstillEnd {
  regime: ProcurementRegime;
  /** statutory (PA2023, PCR2015), voluntary (set below threshold) or none. */
  kind: 'statutory' | 'voluntary' | 'none';
  /** The London day the notice was published or the decision sent. */
  startDay: CalendarDate;
  /** The last day of the standstill; null when there is none. */
  lastDay: CalendarDate | null;
  /** When the contract may be entered into: the end of the last day (midnight, London time). */
  endsAt: string;
  /** Days within the period that did not count, and why. */
  skipped: SkippedDay[];
  rule: LegalRule;
  calendarVersion: string;
}

/** A voluntary standstill longer than this is surely a typing error (P1Y is not a duration here). */
const MAX_VOLUNTARY_MS = 366 * 86_400_000;

/**
 * When the standstill ends, from the instant the contract award notice is published (PA2023) or
 * the award decision is sent (PCR2015), or the award (below threshold, voluntary standstill).
 */
export function standstillEnd(
  regime: ProcurementRegime,
  fromIso: string,
  snapshot: CalendarSnapshot,
  voluntary?: string | null,
): StandstillEnd {
  const from = instantOf(fromIso, 'from');
  const startDay = londonDateOf(from);
  const rules = REGIME_RULES[regime].standstill;
  const base = { regime, startDay, calendarVersion: snapshot.version };
  if (rules.kind !== 'none') assertCovered(snapshot, startDay, 'from');
  if (rules.kind !== 'none' && voluntary) {
    throw new CalendarInputError(
      'voluntary',
      `a voluntary standstill is only for below-threshold contracts; ${rules.rule.citation} fixes this one`,
    );
  }
  switch (rules.kind) {
    case 'working-days': {
      // s.51(2): the day of publication counts when it is itself a working day.
      const skipped: SkippedDay[] = [];
      let counted = 0;
      let day = startDay;
      for (;;) {
        const verdict = isWorkingDay(day, regime, snapshot);
        if (verdict.working) counted += 1;
        else skipped.push({ date: day, why: verdict.why });
        if (counted === rules.days) break;
        day = addDays(day, 1);
      }
      return {
        ...base,
        kind: 'statutory',
        lastDay: day,
        endsAt: formatLondon(endOfLondonDay(day)),
        skipped,
        rule: rules.rule,
      };
    }
    case 'days-after': {
      // reg 87(2)(a): the 10th day after the sending day, whatever kind of day it is; then
      // reg 2(4) moves an end on a non-working day to the end of the next working day.
      const nominal = addDays(startDay, rules.days);
      const { date: lastDay, skipped } = workingDayOnOrAfter(nominal, regime, snapshot);
      const rule = lastDay === nominal ? rules.rule : combineRules(rules.rule, rules.rollForward);
      return {
        ...base,
        kind: 'statutory',
        lastDay,
        endsAt: formatLondon(endOfLondonDay(lastDay)),
        skipped,
        rule,
      };
    }
    case 'none': {
      if (!voluntary) {
        return {
          ...base,
          kind: 'none',
          lastDay: null,
          endsAt: formatLondon(from),
          skipped: [],
          rule: rules.rule,
        };
      }
      let ms: number;
      try {
        ms = parseDuration(voluntary);
      } catch (err) {
        throw new CalendarInputError('voluntary', (err as Error).message);
      }
      if (ms <= 0 || ms > MAX_VOLUNTARY_MS) {
        throw new CalendarInputError(
          'voluntary',
          'a voluntary standstill must be longer than zero and at most 366 days',
        );
      }
      const endsAt = from + ms;
      return {
        ...base,
        kind: 'voluntary',
        lastDay: londonDateOf(endsAt),
        endsAt: formatLondon(endsAt),
        skipped: [],
        rule: {
          citation: rules.rule.citation,
          text: `a voluntary standstill of ${voluntary} set by the contracting authority`,
        },
      };
    }
  }
}
