import type { SignOffDecision, SignOffRule, SignOffTally } from './commission';
import type { PanelMember } from './people';

export type RoundVerdict = 'open' | 'met' | 'changes-requested';

/**
 * The verdict of one sign-off round. Any request for changes sends the version back at once: the
 * panel signs off one exact text, so a round with an objection cannot succeed without a new version.
 */
export function verdictOf(
  rule: SignOffRule,
  panel: readonly PanelMember[],
  decisions: readonly SignOffDecision[],
): RoundVerdict {
  if (decisions.some((d) => d.decision === 'request-changes')) return 'changes-requested';
  const approvers = new Set(decisions.filter((d) => d.decision === 'approve').map((d) => d.member.userId));
  if (rule.mode === 'unanimous') {
    return panel.every((m) => approvers.has(m.userId)) ? 'met' : 'open';
  }
  const chairOk = !rule.chairRequired || panel.filter((m) => m.chair).every((m) => approvers.has(m.userId));
  return approvers.size >= rule.quorum && chairOk ? 'met' : 'open';
}

export function describeRule(rule: SignOffRule): string {
  if (rule.mode === 'unanimous') return 'every panel member approves';
  return `${rule.quorum} approvals${rule.chairRequired ? ', the chair among them' : ''}`;
}

export function tallyOf(
  rule: SignOffRule,
  panel: readonly PanelMember[],
  decisions: readonly SignOffDecision[],
): SignOffTally {
  const decided = new Set(decisions.map((d) => d.member.userId));
  return {
    approvals: decisions.filter((d) => d.decision === 'approve').length,
    changeRequests: decisions.filter((d) => d.decision === 'request-changes').length,
    awaiting: panel.filter((m) => !decided.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name })),
    needed: describeRule(rule),
  };
}

/** Problems with a rule for a given panel, or an empty list when it can be met. */
export function ruleProblems(rule: SignOffRule, panel: readonly PanelMember[]): string[] {
  const problems: string[] = [];
  const chairs = panel.filter((m) => m.chair).length;
  if (chairs > 1) problems.push('a panel has at most one chair');
  if (new Set(panel.map((m) => m.userId)).size !== panel.length) {
    problems.push('each panel member appears once');
  }
  if (rule.mode === 'quorum') {
    if (rule.quorum < 1 || rule.quorum > panel.length) {
      problems.push(`quorum must be between 1 and the panel size (${panel.length})`);
    }
    if (rule.chairRequired && chairs === 0) problems.push('chairRequired needs a chair on the panel');
  }
  return problems;
}
