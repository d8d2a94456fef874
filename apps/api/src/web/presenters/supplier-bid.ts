import {
  awardForSupplier,
  bidReceiptsFor,
  type Actor,
  type AssessmentSummary,
  type CommissionView,
} from '@app/contracts';
import { londonDateTime } from '../time/london-time';
import { pounds } from './contract';
import { renderMarkdown } from './markdown';

type Cell = { text: string; format?: 'numeric' };

export interface YourBidPage {
  receipts: { submittedAt: string; status: string; reference: string; size: string }[];
  /** Only after the close: until then even the bidder's own bid stays sealed on the page. */
  content: { price: string; proposalHtml: string } | null;
  sealedUntil: string | null;
}

/** A supplier's own bid: every receipt it was given, and after the close what it sent. */
export function yourBidPage(
  view: CommissionView,
  actor: Actor,
  opened: { bidId: string; price: number; proposal: string }[],
): YourBidPage {
  const receipts = bidReceiptsFor(view, actor);
  const closed = view.tender?.outcome === 'bids-opened';
  const current = receipts.find((r) => r.status === 'current');
  const own = closed && current ? opened.find((b) => b.bidId === current.bidId) : undefined;
  return {
    receipts: receipts
      .slice()
      .reverse()
      .map((r) => ({
        submittedAt: londonDateTime(r.submittedAt),
        status: r.status === 'current' ? 'Counts' : 'Replaced by a later bid',
        reference: r.contentHash,
        size: `${r.size.toLocaleString('en-GB')} bytes`,
      })),
    content: own ? { price: pounds(own.price), proposalHtml: renderMarkdown(own.proposal) } : null,
    sealedUntil: !closed && view.tender ? londonDateTime(view.tender.closesAt) : null,
  };
}

export interface AssessmentPage {
  outcome: string;
  head: Cell[];
  rows: Cell[][];
  totals: string;
  rationale: string;
  standstill: string;
}

const score = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * A bidder's assessment summary (PA2023 s.50(2); PCR2015 reg 86(2)): its scores against the
 * winner's, criterion by criterion, with the reasons for the award. Only its own, through the read
 * rules (awardForSupplier), so another bidder's scores never reach the page.
 */
export function assessmentPage(view: CommissionView, actor: Actor): AssessmentPage | null {
  if (!view.award) return null;
  const award = awardForSupplier(view.award, actor.userId);
  const mine: AssessmentSummary | undefined = award.yourSummaries[0];
  if (!mine) return null;
  return {
    outcome: mine.successful
      ? 'Your bid has been chosen for the award.'
      : `Your bid was not successful: the contract is to be awarded to ${award.supplier.name}.`,
    head: [
      { text: 'Criterion' },
      { text: 'Weight', format: 'numeric' },
      { text: 'Your score', format: 'numeric' },
      { text: 'Winning bid’s score', format: 'numeric' },
    ],
    rows: mine.criteria.map((c) => [
      { text: c.kind === 'price' ? `${c.name} (by formula)` : c.name },
      { text: `${c.weight}%`, format: 'numeric' },
      { text: score(c.yours), format: 'numeric' },
      { text: score(c.winners), format: 'numeric' },
    ]),
    totals: `Your weighted total is ${score(mine.total)}, ranked ${mine.rank}; the winning bid’s is ${score(mine.winnersTotal)}.`,
    rationale: award.rationale,
    standstill: `The contract is not entered into before the standstill ends at ${londonDateTime(award.standstill.endsAt)}.`,
  };
}
