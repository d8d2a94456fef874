import {
  actorRef,
  tallyOf,
  verdictOf,
  type CancelCommission,
  type CommissionView,
  type DeclareConflict,
  type EditSpecification,
  type ProjectionEffect,
  type SignOff,
  type SubmitSpecification,
} from '@app/contracts';
import { conflict, invalid, ruleRefusal, type CommandRefusal } from './refusal';

/**
 * The commission's decisions as pure functions of state: `check*` says whether a command is
 * acceptable (run by the update validator, so it must not change anything) and `apply*` changes
 * the state and says what to record, or null when the command repeats one already applied.
 */
export interface Change {
  action: string;
  detail: Record<string, unknown>;
  effects: ProjectionEffect[];
}

export function checkEditSpecification(s: CommissionView, cmd: EditSpecification): CommandRefusal | null {
  const refusal = ruleRefusal('edit-specification', s, cmd.actor);
  if (refusal) return refusal;
  if (!cmd.content.trim()) return invalid(s, 'the specification content is empty');
  return null;
}

export function applyEditSpecification(s: CommissionView, cmd: EditSpecification, at: string): Change | null {
  const current = s.specification.versions.at(-1);
  if (current && current.contentHash === cmd.contentHash) return null;
  const version = (current?.version ?? 0) + 1;
  const author = actorRef(cmd.actor);
  s.specification.versions.push({
    version,
    contentHash: cmd.contentHash,
    author,
    createdAt: at,
    changeRequests: [],
  });
  s.specification.currentVersion = version;
  return {
    action: 'specification-revised',
    detail: { specificationVersion: version, contentHash: cmd.contentHash },
    effects: [
      {
        kind: 'specification-version',
        version,
        content: cmd.content,
        contentHash: cmd.contentHash,
        author,
        createdAt: at,
      },
    ],
  };
}

export function checkSubmitSpecification(
  s: CommissionView,
  cmd: SubmitSpecification,
  now: number,
): CommandRefusal | null {
  const refusal = ruleRefusal('submit-specification', s, cmd.actor);
  if (refusal) return refusal;
  if (s.specification.currentVersion === null) {
    return conflict(s, 'there is no specification version to submit yet');
  }
  const current = s.specification.versions.at(-1)!;
  if (current.changeRequests.length > 0) {
    // Members decide once per version, so an unchanged resubmission could never be signed off.
    return conflict(
      s,
      `version ${current.version} was sent back with requested changes; revise it before submitting`,
    );
  }
  const respondBy = Date.parse(cmd.respondBy);
  if (Number.isNaN(respondBy)) return invalid(s, 'respondBy is not a date-time');
  if (respondBy <= now) return invalid(s, 'respondBy must be in the future');
  return null;
}

export function applySubmitSpecification(s: CommissionView, cmd: SubmitSpecification, at: string): Change {
  const version = s.specification.currentVersion as number;
  const respondBy = new Date(Date.parse(cmd.respondBy)).toISOString();
  s.signOff.current = {
    specificationVersion: version,
    respondBy,
    openedAt: at,
    decisions: [],
    outcome: 'open',
  };
  s.signOff.tally = tallyOf(s.signOffRule, s.panel, []);
  s.stage = 'panel-review';
  return {
    action: 'specification-submitted',
    detail: { specificationVersion: version, respondBy },
    effects: [],
  };
}

function earlierDecision(s: CommissionView, cmd: SignOff) {
  const rounds = [...s.signOff.rounds, ...(s.signOff.current ? [s.signOff.current] : [])];
  return rounds
    .filter((r) => r.specificationVersion === cmd.specificationVersion)
    .flatMap((r) => r.decisions)
    .find((d) => d.member.userId === cmd.actor.userId);
}

export function checkSignOff(s: CommissionView, cmd: SignOff): CommandRefusal | null {
  const membership = ruleRefusal('sign-off', { ...s, stage: 'panel-review' }, cmd.actor);
  if (membership) return membership;
  const earlier = earlierDecision(s, cmd);
  if (earlier && earlier.decision === cmd.decision) return null;
  const stage = ruleRefusal('sign-off', s, cmd.actor);
  if (stage) return stage;
  const round = s.signOff.current;
  if (!round || round.specificationVersion !== cmd.specificationVersion) {
    return conflict(
      s,
      `specification version ${cmd.specificationVersion} is not under review; version ${round?.specificationVersion ?? 'none'} is`,
    );
  }
  if (earlier) {
    return conflict(
      s,
      `you already decided "${earlier.decision}" on version ${cmd.specificationVersion}; each member decides once per version`,
    );
  }
  if (cmd.decision === 'request-changes' && !cmd.comment.trim()) {
    return invalid(s, 'a request for changes needs a comment saying what to change');
  }
  return null;
}

export function applySignOff(s: CommissionView, cmd: SignOff, at: string): Change | null {
  if (earlierDecision(s, cmd)) return null;
  const round = s.signOff.current!;
  const member = actorRef(cmd.actor);
  round.decisions.push({ member, decision: cmd.decision, comment: cmd.comment, at });
  const verdict = verdictOf(s.signOffRule, s.panel, round.decisions);
  s.signOff.tally = tallyOf(s.signOffRule, s.panel, round.decisions);
  if (verdict === 'met') {
    round.outcome = 'signed-off';
    s.stage = 'signed-off';
  } else if (verdict === 'changes-requested') {
    round.outcome = 'changes-requested';
    s.stage = 'drafting';
    const version = s.specification.versions.find((v) => v.version === round.specificationVersion)!;
    version.changeRequests = round.decisions
      .filter((d) => d.decision === 'request-changes')
      .map((d) => ({ member: d.member, comment: d.comment, at: d.at }));
  }
  if (verdict !== 'open') {
    s.signOff.rounds.push(round);
    s.signOff.current = null;
    s.signOff.tally = null;
  }
  return {
    action: 'sign-off',
    detail: {
      decision: cmd.decision,
      specificationVersion: cmd.specificationVersion,
      comment: cmd.comment,
      outcome: round.outcome,
    },
    effects: [
      {
        kind: 'sign-off',
        specificationVersion: cmd.specificationVersion,
        member,
        decision: cmd.decision,
        comment: cmd.comment,
        at,
      },
    ],
  };
}

export function checkDeclareConflict(s: CommissionView, cmd: DeclareConflict): CommandRefusal | null {
  const refusal = ruleRefusal('declare-conflict', s, cmd.actor);
  if (refusal) return refusal;
  if (!cmd.supplier.trim()) return invalid(s, 'name the supplier the conflict concerns');
  return null;
}

export function applyDeclareConflict(s: CommissionView, cmd: DeclareConflict, at: string): Change | null {
  const supplier = cmd.supplier.trim();
  const repeat = s.conflicts.some(
    (c) => c.member.userId === cmd.actor.userId && c.supplier === supplier && c.reason === cmd.reason,
  );
  if (repeat) return null;
  const member = actorRef(cmd.actor);
  s.conflicts.push({ member, supplier, reason: cmd.reason, declaredAt: at });
  return {
    action: 'conflict-declared',
    detail: { supplier, reason: cmd.reason },
    effects: [{ kind: 'conflict', member, supplier, reason: cmd.reason, at }],
  };
}

export function checkCancel(s: CommissionView, cmd: CancelCommission): CommandRefusal | null {
  const refusal = ruleRefusal('cancel', s, cmd.actor);
  if (refusal) return refusal;
  if (!cmd.reason.trim()) return invalid(s, 'a cancellation needs a reason');
  return null;
}

export function applyCancel(s: CommissionView, cmd: CancelCommission, at: string): Change {
  if (s.signOff.current) {
    s.signOff.current.outcome = 'withdrawn';
    s.signOff.rounds.push(s.signOff.current);
    s.signOff.current = null;
    s.signOff.tally = null;
  }
  s.stage = 'cancelled';
  s.cancellation = { reason: cmd.reason, by: actorRef(cmd.actor), at };
  return { action: 'commission-cancelled', detail: { reason: cmd.reason }, effects: [] };
}
