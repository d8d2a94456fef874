import type { CommissionView, EvaluationSummary } from '@app/contracts';
import { londonDateTime } from '../time/london-time';

type Cell = { text: string };

/** The evaluation as the page shows it: the standings table, who still owes what, when scores are due. */
export interface EvaluationPage {
  head: Cell[];
  rows: Cell[][];
  outstanding: string[];
  excluded: string[];
  scoringDue: string | null;
  scoringMet: string | null;
  complete: boolean;
}

const number = (n: number | null) => (n === null ? 'Not yet' : String(n));

export function evaluationPage(view: CommissionView, summary: EvaluationSummary): EvaluationPage {
  const criteria = view.tender?.criteria ?? [];
  const scoring = view.deadlines?.find((d) => d.milestone === 'scoring');
  return {
    head: [
      { text: 'Rank' },
      { text: 'Bidder' },
      ...criteria.map((c) => ({
        text: `${c.name} (${c.weight}%${c.kind === 'price' ? ', by formula' : ''})`,
      })),
      { text: 'Weighted total' },
    ],
    rows: summary.bids.map((b) => [
      { text: b.rank === null ? 'Not ranked yet' : String(b.rank) },
      { text: b.supplier.name },
      ...b.criteria.map((c) => ({ text: number(c.score) })),
      { text: number(b.total) },
    ]),
    outstanding: summary.outstanding.map(
      (o) => `${o.member.name}: ${o.supplier}’s bid (${o.criteria.join(', ')})`,
    ),
    excluded: summary.excluded.map(
      (x) => `${x.member.name}, on ${bidder(summary, x.bidId)}’s bid: conflict of interest (${x.conflict})`,
    ),
    scoringDue: scoring ? londonDateTime(scoring.dueAt) : null,
    scoringMet: scoring?.metAt ? londonDateTime(scoring.metAt) : null,
    complete: summary.outstanding.length === 0,
  };
}

function bidder(summary: EvaluationSummary, bidId: string): string {
  return summary.bids.find((b) => b.bidId === bidId)?.supplier.name ?? 'a bidder';
}
