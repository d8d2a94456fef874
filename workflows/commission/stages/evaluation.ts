import {
  ScoreBidUpdate,
  actorRef,
  conflictFor,
  currentBids,
  evaluationSummary,
  qualityCriteria,
  type CommissionView,
  type ConflictOfInterest,
  type ScoreBid,
} from '@app/contracts';
import type { Change, DeadlineChange } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { findDeadline, isOpen } from '../kernel/deadlines';
import { invalid, refusal, ruleRefusal, textRefusal, type CommandRefusal } from '../kernel/refusal';

/*
 * Evaluation: panel members score each opened bid on the quality criteria, 0–100 with a comment.
 * The price criterion is never scored by a person (see award/scoring.ts). Scores can be revised
 * until the award; a member conflicted with a bid's supplier cannot score it. Scoring is due the
 * tender's evaluation period after the close (the `scoring` deadline, opened by the close).
 */

/**
 * The scoring deadline is met once no eligible member owes a score: by the last score, or by a
 * conflict that leaves the last owing member out. Nothing when it is not open.
 */
export function scoringMet(s: CommissionView): DeadlineChange[] {
  const deadline = findDeadline(s.deadlines, 'scoring');
  if (!deadline || !isOpen(deadline) || evaluationSummary(s).outstanding.length > 0) return [];
  return [{ close: 'scoring', reason: 'met' }];
}

export function checkScoreBid(s: CommissionView, cmd: ScoreBid): CommandRefusal | null {
  const r = ruleRefusal('score-bid', s, cmd.actor);
  if (r) return r;
  const bid = currentBids(s).find((b) => b.bidId === cmd.bidId);
  if (!bid) return refusal(s, 'no-such-bid', `no current bid ${cmd.bidId} in this tender`);
  const conflict = conflictFor(s.conflicts, cmd.actor.userId, bid.supplier);
  if (conflict) {
    return refusal(
      s,
      'conflict-of-interest',
      `you declared a conflict of interest with ${conflict.supplier} on ${conflict.declaredAt} (${conflict.reason}), so you cannot score its bid`,
      { conflictSupplier: conflict.supplier, conflictDeclaredAt: conflict.declaredAt },
    );
  }
  const quality = new Set(qualityCriteria(s).map((c) => c.name));
  if (!Array.isArray(cmd.scores) || cmd.scores.length === 0) return invalid(s, 'give at least one score');
  if (new Set(cmd.scores.map((x) => x.criterion)).size !== cmd.scores.length) {
    return invalid(s, 'score each criterion once per request');
  }
  for (const x of cmd.scores) {
    if (!quality.has(x.criterion)) {
      return invalid(
        s,
        `${x.criterion} is not a quality criterion of this tender (${[...quality].join(', ')}); price is scored by its formula`,
      );
    }
    if (!Number.isInteger(x.score) || x.score < 0 || x.score > 100) {
      return invalid(s, `the score for ${x.criterion} must be a whole number from 0 to 100`);
    }
    const text = textRefusal(s, [[`the comment on ${x.criterion}`, x.comment, 'comment']]);
    if (text) return text;
  }
  return null;
}

export function applyScoreBid(s: CommissionView, cmd: ScoreBid, at: string): Change | null {
  const evaluation = (s.evaluation ??= { scores: [], withdrawn: [] });
  const member = actorRef(cmd.actor);
  const bid = currentBids(s).find((b) => b.bidId === cmd.bidId)!;
  const changed = cmd.scores.filter((x) => {
    const i = evaluation.scores.findIndex(
      (e) => e.member.userId === member.userId && e.bidId === cmd.bidId && e.criterion === x.criterion,
    );
    const before = i >= 0 ? evaluation.scores[i] : null;
    if (before && before.score === x.score && before.comment === x.comment) return false;
    const score = {
      member,
      bidId: cmd.bidId,
      criterion: x.criterion,
      score: x.score,
      comment: x.comment,
      at,
      revisions: before ? before.revisions + 1 : 0,
    };
    if (i >= 0) evaluation.scores[i] = score;
    else evaluation.scores.push(score);
    return true;
  });
  if (changed.length === 0) return null;
  return {
    action: 'bid-scored',
    detail: {
      bidId: cmd.bidId,
      supplier: bid.supplier.userId,
      scores: changed.map(({ criterion, score, comment }) => ({ criterion, score, comment })),
    },
    effects: [],
    deadlines: scoringMet(s),
  };
}

/**
 * A conflict declared during evaluation withdraws the member's scores of that supplier's bids:
 * they leave the means at once, and are kept (withdrawn) for the audit. Returns how many.
 */
export function withdrawConflictedScores(
  s: CommissionView,
  conflict: ConflictOfInterest,
  at: string,
): number {
  const evaluation = s.evaluation;
  if (!evaluation) return 0;
  const suppliers = new Map(currentBids(s).map((b) => [b.bidId, b.supplier]));
  const conflicted = (bidId: string) => {
    const supplier = suppliers.get(bidId);
    return supplier !== undefined && conflictFor([conflict], conflict.member.userId, supplier) !== undefined;
  };
  const withdrawn = evaluation.scores.filter(
    (x) => x.member.userId === conflict.member.userId && conflicted(x.bidId),
  );
  if (withdrawn.length === 0) return 0;
  evaluation.scores = evaluation.scores.filter((x) => !withdrawn.includes(x));
  evaluation.withdrawn.push(
    ...withdrawn.map((x) => ({
      ...x,
      withdrawnAt: at,
      reason: `conflict of interest with ${conflict.supplier}`,
    })),
  );
  return withdrawn.length;
}

export const evaluationCommands = [
  defineCommand({ action: 'score-bid', update: ScoreBidUpdate, check: checkScoreBid, apply: applyScoreBid }),
];
