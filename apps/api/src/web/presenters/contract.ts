import { CONTRACT_NOTICE_TYPES, type CommissionView, type ContractRecord } from '@app/contracts';
import { londonDate, londonDateTime } from '../time/london-time';

type Row = { key: { text: string }; value: { text: string } };

/** "£120,000" or "£99,500.50": what a contract is worth, as people write it. */
export function pounds(value: number): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
  }).format(value);
}

/** The notice each regime publishes after entering into the contract, in words. */
const NOTICE_NAMES: Record<string, string> = {
  UK7: 'contract details notice (UK7)',
  'below-threshold-contract-details-notice': 'below-threshold contract details notice',
  'contract-award-notice': 'contract award notice',
};

export interface ContractSection {
  rows: Row[];
  /** Staff only: the notice and its deadline are not a supplier's to track. */
  notice: { name: string; published: string | null; due: string | null } | null;
}

/**
 * The contract record as the commission page and the contract notice page show it: who, how much,
 * since when, the reports it owes, and the notice due within 30 days of entering into it
 * (PA2023 s.53(1) and (3); s.88 below threshold; PCR2015 reg 50(1)).
 */
export function contractSection(view: CommissionView, contract: ContractRecord): ContractSection {
  const type = CONTRACT_NOTICE_TYPES[view.regime];
  const published = (view.notices ?? []).find((n) => n.type === type);
  const due = (view.deadlines ?? []).find((d) => d.milestone === 'contract-notice');
  return {
    rows: [
      { key: { text: 'Supplier' }, value: { text: contract.supplier.name } },
      { key: { text: 'Value' }, value: { text: `${pounds(contract.value)} including VAT` } },
      { key: { text: 'Entered into' }, value: { text: londonDateTime(contract.enteredAt) } },
      {
        key: { text: 'Interim report due' },
        value: { text: londonDate(contract.milestones.interimReportDueAt) },
      },
      {
        key: { text: 'Final report due' },
        value: { text: londonDate(contract.milestones.finalReportDueAt) },
      },
    ],
    notice: {
      name: NOTICE_NAMES[type] ?? type,
      published: published
        ? `${londonDateTime(published.publishedAt)} by ${published.publishedBy.name}`
        : null,
      due: due ? londonDateTime(due.dueAt) : null,
    },
  };
}
