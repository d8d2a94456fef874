import {
  SignOffUpdate,
  actorRef,
  excerpt,
  tallyOf,
  verdictOf,
  type CommissionView,
  type SignOff,
} from '@app/contracts';
import type { Change } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import { invalid, refusal, ruleRefusal, textRefusal, type CommandRefusal } from '../kernel/refusal';

/** Panel review: each member decides once per version, as themselves; the rule decides the round. */

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
  // An exact repeat is accepted in any stage and changes nothing: a retry must not fail.
  if (earlier && earlier.decision === cmd.decision) return null;
  const stage = ruleRefusal('sign-off', s, cmd.actor);
  if (stage) return stage;
  const round = s.signOff.current;
  if (!round || round.specificationVersion !== cmd.specificationVersion) {
    return refusal(
      s,
      'stale-version',
      `specification version ${cmd.specificationVersion} is not under review; version ${round?.specificationVersion ?? 'none'} is`,
    );
  }
  if (earlier) {
    return refusal(
      s,
      'already-decided',
      `you already decided "${earlier.decision}" on version ${cmd.specificationVersion}; each member decides once per version`,
    );
  }
  if (cmd.decision === 'request-changes' && !cmd.comment.trim()) {
    return invalid(s, 'a request for changes needs a comment saying what to change');
  }
  return textRefusal(s, [['the comment', cmd.comment, 'comment', true]]);
}

export function applySignOff(s: CommissionView, cmd: SignOff, at: string): Change | null {
  if (earlierDecision(s, cmd)) return null;
  const round = s.signOff.current!;
  const member = actorRef(cmd.actor);
  // The state keeps an excerpt; the whole comment is in the effect below and the audit event.
  round.decisions.push({ member, decision: cmd.decision, comment: excerpt(cmd.comment), at });
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
    // The round has ended either way: its respond-by date is met.
    deadlines: verdict === 'open' ? [] : [{ close: 'sign-off', reason: 'met' }],
  };
}

export const signOffCommands = [
  defineCommand({
    action: 'sign-off',
    update: SignOffUpdate,
    check: checkSignOff,
    apply: applySignOff,
  }),
];
