import {
  EditSpecificationUpdate,
  SubmitSpecificationUpdate,
  actorRef,
  tallyOf,
  type CommissionView,
  type EditSpecification,
  type SubmitSpecification,
} from '@app/contracts';
import type { Change } from '../kernel/change';
import { defineCommand } from '../kernel/command';
import {
  invalid,
  limitRefusal,
  refusal,
  ruleRefusal,
  textRefusal,
  type CommandRefusal,
} from '../kernel/refusal';

/** Drafting: versioned markdown, and submission of one exact version to the panel. */

export function checkEditSpecification(s: CommissionView, cmd: EditSpecification): CommandRefusal | null {
  const r = ruleRefusal('edit-specification', s, cmd.actor);
  if (r) return r;
  if (!cmd.content.trim()) return invalid(s, 'the specification content is empty');
  const full = limitRefusal(
    s,
    'specificationVersions',
    s.specification.versions.length,
    'specification versions',
  );
  if (full && s.specification.versions.at(-1)?.contentHash !== cmd.contentHash) return full;
  return textRefusal(s, [['the specification', cmd.content, 'markdown']]);
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
  const r = ruleRefusal('submit-specification', s, cmd.actor);
  if (r) return r;
  if (s.specification.currentVersion === null) {
    return refusal(s, 'nothing-to-submit', 'there is no specification version to submit yet');
  }
  const current = s.specification.versions.at(-1)!;
  if (current.changeRequests.length > 0) {
    // Members decide once per version, so an unchanged resubmission could never be signed off.
    return refusal(
      s,
      'unrevised-after-changes',
      `version ${current.version} was sent back with requested changes; revise it before submitting`,
    );
  }
  const rounds = s.signOff.rounds.length + (s.signOff.current ? 1 : 0);
  const full = limitRefusal(s, 'signOffRounds', rounds, 'sign-off rounds');
  if (full) return full;
  if (
    s.signOff.rounds.some((r) => r.specificationVersion === current.version && r.outcome === 'signed-off')
  ) {
    // After an unsuccessful tender is reopened: members decide once per version, so the signed-off
    // version could never be signed off again.
    return refusal(
      s,
      'unrevised-after-changes',
      `version ${current.version} was already signed off and tendered; revise it before submitting`,
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
    deadlines: [{ open: 'sign-off', dueAt: respondBy }],
  };
}

export const specificationCommands = [
  defineCommand({
    action: 'edit-specification',
    update: EditSpecificationUpdate,
    check: checkEditSpecification,
    apply: applyEditSpecification,
  }),
  defineCommand({
    action: 'submit-specification',
    update: SubmitSpecificationUpdate,
    check: checkSubmitSpecification,
    apply: applySubmitSpecification,
  }),
];
