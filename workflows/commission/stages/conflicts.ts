import { DeclareConflictUpdate, actorRef, type CommissionView, type DeclareConflict } from '@app/contracts';
import type { Change } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { scoringMet, withdrawConflictedScores } from './evaluation';
import { invalid, limitRefusal, ruleRefusal, textRefusal, type CommandRefusal } from '../kernel/refusal';

/** Conflicts of interest a panel member declares, in any open stage. */

export function checkDeclareConflict(s: CommissionView, cmd: DeclareConflict): CommandRefusal | null {
  const r = ruleRefusal('declare-conflict', s, cmd.actor);
  if (r) return r;
  if (!cmd.supplier.trim()) return invalid(s, 'name the supplier the conflict concerns');
  const repeat = s.conflicts.some(
    (c) =>
      c.member.userId === cmd.actor.userId && c.supplier === cmd.supplier.trim() && c.reason === cmd.reason,
  );
  const full = limitRefusal(s, 'conflicts', s.conflicts.length, 'declared conflicts of interest');
  if (full && !repeat) return full;
  return textRefusal(s, [
    ['the supplier', cmd.supplier, 'name'],
    ['the reason', cmd.reason, 'reason', true],
  ]);
}

export function applyDeclareConflict(s: CommissionView, cmd: DeclareConflict, at: string): Change | null {
  const supplier = cmd.supplier.trim();
  const repeat = s.conflicts.some(
    (c) => c.member.userId === cmd.actor.userId && c.supplier === supplier && c.reason === cmd.reason,
  );
  if (repeat) return null;
  const member = actorRef(cmd.actor);
  const conflict = { member, supplier, reason: cmd.reason, declaredAt: at };
  s.conflicts.push(conflict);
  // During evaluation the member's scores of that supplier's bid leave the means (audited here).
  const withdrawnScores = withdrawConflictedScores(s, conflict, at);
  return {
    action: 'conflict-declared',
    detail: { supplier, reason: cmd.reason, ...(withdrawnScores > 0 ? { withdrawnScores } : {}) },
    effects: [{ kind: 'conflict', member, supplier, reason: cmd.reason, at }],
    // A conflict can leave the last owing member out of a bid: then scoring is complete.
    deadlines: scoringMet(s),
  };
}

export const conflictCommands = [
  defineCommand({
    action: 'declare-conflict',
    update: DeclareConflictUpdate,
    check: checkDeclareConflict,
    apply: applyDeclareConflict,
  }),
];
