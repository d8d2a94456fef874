import type { CommissionView, ConflictOfInterest } from '../commission';
import type { ActorRef, Person } from '../people';
import type { AwardCriterion, BidReceipt } from '../tender/tender';

/*
 * The evaluation's arithmetic, pure so the workflow (to refuse an award) and the API (to show the
 * evaluation) compute the same numbers.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The stated price formula: lowest price ÷ this bid's price × 100, so the cheapest bid scores 100
 * and a bid twice its price 50. Computed, never typed by a person.
 */
export function priceScore(lowest: number, price: number): number {
  if (!(lowest >= 0) || !(price >= lowest) || !Number.isFinite(price)) {
    throw new RangeError(`price ${price} must be a finite amount no lower than the lowest price ${lowest}`);
  }
  // A bid of nothing is the lowest possible: it scores 100, and any other bid nothing against it.
  if (lowest === 0) return price === 0 ? 100 : 0;
  return round2((lowest / price) * 100);
}

export function priceScores(prices: readonly { bidId: string; price: number }[]) {
  const lowest = Math.min(...prices.map((p) => p.price));
  return prices.map((p) => ({ bidId: p.bidId, score: priceScore(lowest, p.price) }));
}

/** A conflict names a supplier by its id (once it has bid) or by its name. */
export function conflictFor(
  conflicts: readonly ConflictOfInterest[],
  memberId: string,
  supplier: Pick<Person, 'userId' | 'name'>,
): ConflictOfInterest | undefined {
  const names = [supplier.userId, supplier.name].map((n) => n.trim().toLowerCase());
  return conflicts.find(
    (c) => c.member.userId === memberId && names.includes(c.supplier.trim().toLowerCase()),
  );
}

export const currentBids = (s: CommissionView): BidReceipt[] =>
  (s.bids?.receipts ?? []).filter((b) => b.status === 'current');

export const qualityCriteria = (s: CommissionView): AwardCriterion[] =>
  (s.tender?.criteria ?? []).filter((c) => c.kind === 'quality');

export interface CriterionStanding {
  name: string;
  kind: AwardCriterion['kind'];
  weight: number;
  /** The mean of the eligible members' scores (quality) or the formula's (price); null until known. */
  score: number | null;
  scoredBy: number;
}

export interface BidStanding {
  bidId: string;
  supplier: Person;
  criteria: CriterionStanding[];
  /** Σ score × weight ÷ 100; null while a criterion has no score. */
  total: number | null;
  rank: number | null;
}

export interface OutstandingScores {
  member: ActorRef;
  bidId: string;
  supplier: string;
  criteria: string[];
}

export interface EvaluationSummary {
  bids: BidStanding[];
  /** Who still has to score what: every eligible (not conflicted) member, every current bid. */
  outstanding: OutstandingScores[];
  /** Members left out of a bid's means because of a declared conflict. */
  excluded: { member: ActorRef; bidId: string; conflict: string }[];
}

/** Means, weighted totals, ranking (1 is best; equal totals share a rank) and what is still owed. */
export function evaluationSummary(
  s: CommissionView,
  prices?: readonly { bidId: string; price: number }[],
): EvaluationSummary {
  const criteria = s.tender?.criteria ?? [];
  const bids = currentBids(s);
  const scores = s.evaluation?.scores ?? [];
  const byPrice = new Map(
    (prices && prices.length > 0 ? priceScores(prices) : []).map((p) => [p.bidId, p.score]),
  );
  const outstanding: OutstandingScores[] = [];
  const excluded: EvaluationSummary['excluded'] = [];
  const standings: BidStanding[] = bids.map((bid) => {
    const eligible = s.panel.filter((m) => {
      const conflict = conflictFor(s.conflicts, m.userId, bid.supplier);
      if (conflict)
        excluded.push({ member: ref(m), bidId: bid.bidId, conflict: conflict.reason || conflict.supplier });
      return !conflict;
    });
    const eligibleIds = new Set(eligible.map((m) => m.userId));
    for (const m of eligible) {
      const owed = qualityCriteria(s)
        .map((c) => c.name)
        .filter(
          (name) =>
            !scores.some(
              (x) => x.bidId === bid.bidId && x.member.userId === m.userId && x.criterion === name,
            ),
        );
      if (owed.length > 0)
        outstanding.push({ member: ref(m), bidId: bid.bidId, supplier: bid.supplier.name, criteria: owed });
    }
    const standing: CriterionStanding[] = criteria.map((c) => {
      if (c.kind === 'price') {
        return {
          name: c.name,
          kind: c.kind,
          weight: c.weight,
          score: byPrice.get(bid.bidId) ?? null,
          scoredBy: 0,
        };
      }
      const given = scores.filter(
        (x) => x.bidId === bid.bidId && x.criterion === c.name && eligibleIds.has(x.member.userId),
      );
      const mean = given.length ? round2(given.reduce((t, x) => t + x.score, 0) / given.length) : null;
      return { name: c.name, kind: c.kind, weight: c.weight, score: mean, scoredBy: given.length };
    });
    const total = standing.some((c) => c.score === null)
      ? null
      : round2(standing.reduce((t, c) => t + (c.score! * c.weight) / 100, 0));
    return { bidId: bid.bidId, supplier: bid.supplier, criteria: standing, total, rank: null };
  });
  for (const b of standings) {
    if (b.total === null) continue;
    b.rank = 1 + standings.filter((o) => o.total !== null && o.total > b.total!).length;
  }
  // Unranked (no total yet) last, in bid order.
  const order = (b: BidStanding) => b.rank ?? Number.MAX_SAFE_INTEGER;
  standings.sort((a, b) => order(a) - order(b));
  return { bids: standings, outstanding, excluded };
}

const ref = (p: Person): ActorRef => ({ userId: p.userId, name: p.name });
