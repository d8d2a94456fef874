import type { CalendarDate } from './calendar-date';
import type { UkDivision } from './snapshot';

/**
 * The law's rules as data: which regime applies, its minimum tendering periods, its standstill and
 * its working days. Sources: the Procurement Act 2023 (PA2023), the Public Contracts Regulations
 * 2015 (PCR2015, SI 2015/102) and the Banking and Financial Dealings Act 1971 for bank holidays.
 * `REGIMES` in commission.ts is this list.
 */
export const PROCUREMENT_REGIMES = ['PA2023', 'PCR2015', 'below-threshold'] as const;
export type ProcurementRegime = (typeof PROCUREMENT_REGIMES)[number];

/** A rule as a person checks it: where it is written and what it says. */
export interface LegalRule {
  citation: string;
  text: string;
}

/**
 * PA2023 applies to procurements begun on or after this day; those begun before stay under PCR2015
 * to their end (Procurement Act 2023 (Commencement No. 3 and Transitional and Saving Provisions)
 * Regulations 2024, as amended: commencement on 24 February 2025).
 */
export const PA2023_IN_FORCE_FROM: CalendarDate = '2025-02-24';

export interface Threshold {
  /** The first day the amount applies (London calendar). */
  from: CalendarDate;
  /** GBP including VAT. */
  amountGbp: number;
  rule: LegalRule;
}

/**
 * Central government authorities, services contracts: at or above the threshold PA2023's full
 * rules apply (PA2023 s.3 and Sch.1 para 3, estimated value including VAT per Sch.3).
 * Newest last; each applies from its `from` day until the next one's.
 */
export const CENTRAL_GOVERNMENT_SERVICES_THRESHOLDS: readonly Threshold[] = [
  {
    from: '2025-02-24',
    amountGbp: 139_688,
    rule: {
      citation: 'PA2023 Sch.1 para 3',
      text: 'central government services: £139,688 including VAT (from 24 February 2025)',
    },
  },
  {
    from: '2026-01-01',
    amountGbp: 135_018,
    rule: {
      citation: 'PA2023 Sch.1 para 3, as amended from 1 January 2026',
      text: 'central government services: £135,018 including VAT (from 1 January 2026)',
    },
  },
];

/**
 * Below the threshold, a central government contract from £12,000 including VAT is a notifiable
 * below-threshold contract: notices, but no statutory periods (PA2023 ss.86–88).
 */
export const NOTIFIABLE_BELOW_THRESHOLD_GBP = 12_000;
export const NOTIFIABLE_RULE: LegalRule = {
  citation: 'PA2023 s.86',
  text: 'a notifiable below-threshold contract (central government): from £12,000 including VAT',
};

/** The grounds on which an officer may shorten the tendering period, with a recorded justification. */
export const TENDER_PERIOD_GROUNDS = ['planned-procurement-notice', 'urgency'] as const;
export type TenderPeriodGround = (typeof TENDER_PERIOD_GROUNDS)[number];

export interface PeriodRule {
  days: number;
  rule: LegalRule;
}

export interface TenderPeriodRules {
  /** null: no statutory minimum. */
  standard: PeriodRule | null;
  /** PA2023: when not all tender documents are provided with the tender notice. */
  documentsNotAllAtOnce?: PeriodRule;
  /** PCR2015: when tenders cannot be submitted electronically. */
  tendersNotElectronic?: PeriodRule;
  grounds: Partial<Record<TenderPeriodGround, PeriodRule>>;
  /**
   * How the days are counted: calendar days from the day after publication to the closing day;
   * `rollsToWorkingDay` moves a closing day that is not a working day to the next working day.
   */
  rollsToWorkingDay: boolean;
}

export type StandstillRules =
  | { kind: 'working-days'; days: number; rule: LegalRule }
  | { kind: 'days-after'; days: number; rule: LegalRule; rollForward: LegalRule }
  | { kind: 'none'; rule: LegalRule };

export interface WorkingDayRules {
  /** Bank holidays of these divisions are not working days. */
  divisions: readonly UkDivision[];
  /** Named by the definition itself, whatever the bank holiday lists say. */
  alsoNot: readonly ('christmas-day' | 'good-friday')[];
  rule: LegalRule;
}

export interface RegimeRules {
  name: string;
  tenderPeriod: TenderPeriodRules;
  standstill: StandstillRules;
  workingDays: WorkingDayRules;
}

/** PCR2015 reg 2(4): a period ending on a non-working day runs to the end of the next working day. */
export const PCR2015_PERIOD_END_RULE: LegalRule = {
  citation: 'PCR2015 reg 2(4)',
  text: 'a period whose last day is not a working day ends at the end of the next working day',
};

/** Two rules applied one after the other, read as one. */
export function combineRules(first: LegalRule, then: LegalRule): LegalRule {
  return { citation: `${first.citation}; ${then.citation}`, text: `${first.text}; ${then.text}` };
}

const ALL_DIVISIONS: readonly UkDivision[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** PA2023 s.123: the Act's working day, used wherever the Act counts working days. */
const PA2023_WORKING_DAYS: WorkingDayRules = {
  divisions: ALL_DIVISIONS,
  alsoNot: ['christmas-day', 'good-friday'],
  rule: {
    citation: 'PA2023 s.123',
    text: 'a working day is not a Saturday or Sunday, Christmas Day, Good Friday, or a bank holiday in any part of the United Kingdom',
  },
};

export const REGIME_RULES: Record<ProcurementRegime, RegimeRules> = {
  PA2023: {
    name: 'Procurement Act 2023',
    tenderPeriod: {
      // s.54(4), open procedure: calendar days beginning with the day after the tender notice.
      standard: {
        days: 25,
        rule: {
          citation: 'PA2023 s.54(4)',
          text: 'at least 25 days from the day after the tender notice is published, tenders submitted electronically and all tender documents provided with the notice',
        },
      },
      documentsNotAllAtOnce: {
        days: 30,
        rule: {
          citation: 'PA2023 s.54(4)',
          text: 'at least 30 days from the day after the tender notice is published when not all tender documents are provided with it',
        },
      },
      grounds: {
        'planned-procurement-notice': {
          days: 10,
          rule: {
            citation: 'PA2023 s.54(4), (5)',
            text: 'at least 10 days after a qualifying planned procurement notice (published between 40 days and 12 months before the tender notice)',
          },
        },
        urgency: {
          days: 10,
          rule: {
            citation: 'PA2023 s.54(4)',
            text: 'at least 10 days where the contracting authority considers the usual period impractical because of urgency',
          },
        },
      },
      rollsToWorkingDay: false,
    },
    standstill: {
      kind: 'working-days',
      days: 8,
      rule: {
        citation: 'PA2023 s.51(2)',
        text: 'a mandatory standstill period of 8 working days beginning with the day the contract award notice is published',
      },
    },
    workingDays: PA2023_WORKING_DAYS,
  },
  PCR2015: {
    name: 'Public Contracts Regulations 2015',
    tenderPeriod: {
      // reg 27(1): 35 days from the date the contract notice is sent; reg 27(4): 5 fewer when
      // tenders are submitted electronically, the product's default.
      standard: {
        days: 30,
        rule: {
          citation: 'PCR2015 reg 27(1), (4)',
          text: 'at least 30 days from the day the contract notice is sent, tenders submitted electronically',
        },
      },
      tendersNotElectronic: {
        days: 35,
        rule: {
          citation: 'PCR2015 reg 27(1)',
          text: 'at least 35 days from the day the contract notice is sent',
        },
      },
      grounds: {
        'planned-procurement-notice': {
          days: 15,
          rule: {
            citation: 'PCR2015 reg 27(2)',
            text: 'at least 15 days after a prior information notice sent between 35 days and 12 months before the contract notice',
          },
        },
        urgency: {
          days: 15,
          rule: {
            citation: 'PCR2015 reg 27(3)',
            text: 'at least 15 days where a duly substantiated state of urgency makes 30 days impracticable',
          },
        },
      },
      // reg 2(4): a period whose last day is not a working day ends at the end of the next one.
      rollsToWorkingDay: true,
    },
    standstill: {
      kind: 'days-after',
      days: 10,
      rule: {
        citation: 'PCR2015 reg 87(2)(a)',
        text: 'the standstill ends at midnight at the end of the 10th day after the day the award decision is sent electronically',
      },
      rollForward: PCR2015_PERIOD_END_RULE,
    },
    workingDays: {
      divisions: ['england-and-wales'],
      alsoNot: ['christmas-day', 'good-friday'],
      rule: {
        citation: 'PCR2015 reg 2(1)',
        text: 'a working day is not a Saturday, Sunday, Christmas Day, Good Friday, or a bank holiday in England and Wales (Banking and Financial Dealings Act 1971)',
      },
    },
  },
  'below-threshold': {
    name: 'Procurement Act 2023, below-threshold contracts',
    tenderPeriod: {
      // ss.86–88 set no minimum; time limits must be reasonable and the same for every supplier.
      standard: null,
      grounds: {},
      rollsToWorkingDay: false,
    },
    standstill: {
      kind: 'none',
      rule: {
        citation: 'PA2023 ss.86–88',
        text: 'no standstill period for a below-threshold contract; a voluntary one may be set',
      },
    },
    workingDays: PA2023_WORKING_DAYS,
  },
};

export const BELOW_THRESHOLD_TENDER_RULE: LegalRule = {
  citation: 'PA2023 ss.86–88',
  text: 'no statutory minimum tendering period below threshold; time limits must be reasonable and the same for every supplier',
};
