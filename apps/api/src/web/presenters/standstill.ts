import { activeChallenges, type CommissionView } from '@app/contracts';
import { londonDateTime } from '../time/london-time';

export interface ChallengeRow {
  id: string;
  reason: string;
  recorded: string;
  lifted: string | null;
}

export interface StandstillPage {
  /** "The standstill ends at midnight, Friday 15 January 2027 (PA2023 s.51: …)." */
  ends: string;
  suspended: boolean;
  /** What happens at the end, in words, given the challenges. */
  entry: string;
  active: ChallengeRow[];
  lifted: ChallengeRow[];
}

/** The law each regime suspends entry by (see workflows/commission/stages/award.ts). */
const SUSPENSION_LAW: Record<string, string> = {
  PA2023: 'PA2023 s.101',
  'below-threshold': 'PA2023 s.101',
  PCR2015: 'PCR2015 reg 95',
};

/**
 * The standstill as an officer needs it: when it ends (London time, with the rule that set it),
 * the challenges still suspending entry into the contract and those lifted.
 */
export function standstillPage(view: CommissionView, now: Date): StandstillPage | null {
  const standstill = view.award?.standstill;
  if (!standstill) return null;
  const endsAt = Date.parse(standstill.endsAt);
  const rule =
    standstill.kind === 'voluntary'
      ? `a voluntary standstill of ${standstill.voluntary}`
      : `${standstill.rule.citation}: ${standstill.rule.text}`;
  const active = activeChallenges(view.challenges);
  const law = SUSPENSION_LAW[view.regime] ?? view.regime;
  const ended = endsAt <= now.getTime();
  const entry = active.length
    ? `Entry into the contract is suspended while a challenge is active (${law}). It is entered into when the last challenge is lifted${ended ? '' : ', if the standstill has ended by then'}.`
    : view.stage === 'standstill'
      ? 'No challenge is active: the contract is entered into when the standstill ends.'
      : 'The standstill is over.';
  const row = (c: NonNullable<CommissionView['challenges']>[number]): ChallengeRow => ({
    id: c.id,
    reason: c.reason,
    recorded: `${londonDateTime(c.recordedAt)} by ${c.recordedBy.name}`,
    lifted: c.lifted && `${londonDateTime(c.lifted.at)} by ${c.lifted.by.name}: ${c.lifted.reason}`,
  });
  return {
    ends: `The standstill ${ended ? 'ended' : 'ends'} at ${londonDateTime(standstill.endsAt)} (${rule}).`,
    suspended: active.length > 0,
    entry,
    active: active.map(row),
    lifted: (view.challenges ?? []).filter((c) => c.lifted !== null).map(row),
  };
}
