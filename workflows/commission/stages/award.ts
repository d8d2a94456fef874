import {
  AWARD_NOTICE_TYPES,
  AwardContractUpdate,
  CONTRACT_NOTICE_DAYS,
  CONTRACT_NOTICE_TYPES,
  LiftChallengeUpdate,
  PublishContractNoticeUpdate,
  RecordChallengeUpdate,
  activeChallenges,
  actorRef,
  currentBids,
  evaluationSummary,
  type AssessmentSummary,
  type AwardContract,
  type CommissionView,
  type LiftChallenge,
  type PublishContractNotice,
  type Person,
  type RecordChallenge,
} from '@app/contracts';
import type { Change, MessageSpec } from '../kernel/change';
import { defineCommand, type OnDue } from '../kernel/command';
import { findDeadline, isOpen } from '../kernel/deadlines';
import {
  anotherDayRefusal,
  invalid,
  limitRefusal,
  refusal,
  ruleRefusal,
  textRefusal,
  type CommandRefusal,
} from '../kernel/refusal';

/*
 * The award, the standstill and entry into the contract. The award sends every bidder its own
 * assessment summary, records the award notice and opens the standstill, whose end the API computed
 * once from the calendar. At that end the contract is entered into by itself, unless a legal
 * challenge suspends it (PA2023 s.101; PCR2015 reg 95: a claim started during standstill suspends
 * entry into the contract until the court lifts it).
 */

const person = ({ userId, name, email }: Person): Person => ({ userId, name, email });
const iso = (t: string) => new Date(Date.parse(t)).toISOString();
const DAY_MS = 86_400_000;

const scoringOpen = (s: CommissionView) => {
  const d = findDeadline(s.deadlines, 'scoring');
  return d !== undefined && isOpen(d);
};

// --- award -----------------------------------------------------------------------------------

export function checkAward(s: CommissionView, cmd: AwardContract, now: number): CommandRefusal | null {
  const r = ruleRefusal('award', s, cmd.actor);
  if (r) return r;
  const bids = currentBids(s);
  if (!bids.some((b) => b.bidId === cmd.bidId)) {
    return refusal(s, 'no-such-bid', `no current bid ${cmd.bidId} in this tender`);
  }
  const text = textRefusal(s, [
    ['the rationale', cmd.rationale, 'reason'],
    ['the reason for departing from the ranking', cmd.departureReason ?? '', 'reason', true],
  ]);
  if (text) return text;
  const { outstanding } = evaluationSummary(s);
  if (outstanding.length > 0) {
    const owed = outstanding.map((o) => `${o.member.name} on ${o.supplier}'s bid (${o.criteria.join(', ')})`);
    return refusal(s, 'scoring-incomplete', `still to score: ${owed.join('; ')}`, {
      outstanding: String(outstanding.length),
    });
  }
  const priced = new Set(cmd.prices.map((p) => p.bidId));
  if (priced.size !== bids.length || bids.some((b) => !priced.has(b.bidId))) {
    return invalid(s, 'the prices must be those of every current bid, once each');
  }
  if (cmd.prices.some((p) => !Number.isFinite(p.price) || p.price < 0)) {
    return invalid(s, 'every price must be a finite amount of at least nothing');
  }
  if (cmd.standstill.regime !== s.regime) {
    return invalid(
      s,
      `the standstill was computed for ${cmd.standstill.regime}, but the commission is ${s.regime}`,
    );
  }
  if (Number.isNaN(Date.parse(cmd.standstill.endsAt)))
    return invalid(s, 'the standstill end is not a date-time');
  if (cmd.standstill.kind === 'statutory') {
    const day = anotherDayRefusal(s, cmd.standstill.assumedFrom, now, 'the standstill');
    if (day) return day;
  }
  const ranking = evaluationSummary(s, cmd.prices).bids;
  const chosen = ranking.find((b) => b.bidId === cmd.bidId)!;
  if (chosen.rank !== 1 && !cmd.departureReason?.trim()) {
    const top = ranking.filter((b) => b.rank === 1).map((b) => `${b.supplier.name} (${b.total})`);
    return refusal(
      s,
      'not-top-ranked',
      `${chosen.supplier.name}'s bid ranks ${chosen.rank} with ${chosen.total}; the top-ranked is ${top.join(', ')}. Record a departureReason to award it anyway`,
      { rank: String(chosen.rank), topRanked: ranking[0].bidId },
    );
  }
  return null;
}

export function applyAward(s: CommissionView, cmd: AwardContract, at: string): Change {
  const { bids: ranking } = evaluationSummary(s, cmd.prices);
  const winner = ranking.find((b) => b.bidId === cmd.bidId)!;
  const value = cmd.prices.find((p) => p.bidId === cmd.bidId)!.price;
  const summaries: AssessmentSummary[] = ranking.map((b) => ({
    bidId: b.bidId,
    supplier: person(b.supplier),
    successful: b.bidId === cmd.bidId,
    criteria: b.criteria.map((c, i) => ({
      name: c.name,
      kind: c.kind,
      weight: c.weight,
      yours: c.score!,
      winners: winner.criteria[i].score!,
    })),
    total: b.total!,
    winnersTotal: winner.total!,
    rank: b.rank!,
  }));
  const by = actorRef(cmd.actor);
  const standstill = { ...cmd.standstill, endsAt: iso(cmd.standstill.endsAt) };
  s.award = {
    bidId: cmd.bidId,
    supplier: person(winner.supplier),
    value,
    rationale: cmd.rationale,
    departureReason: cmd.departureReason?.trim() ? cmd.departureReason : null,
    awardedAt: at,
    awardedBy: by,
    priceScores: ranking.map((b) => ({
      bidId: b.bidId,
      score: b.criteria.find((c) => c.kind === 'price')?.score ?? 0,
    })),
    ranking: ranking.map((b) => ({ bidId: b.bidId, total: b.total!, rank: b.rank! })),
    summaries,
    standstill,
  };
  const notice = {
    type: AWARD_NOTICE_TYPES[s.regime],
    regime: s.regime,
    publishedAt: at,
    publishedBy: by,
    content: { title: s.title, supplier: winner.supplier.name, value, standstillEndsAt: standstill.endsAt },
  };
  s.notices = [...(s.notices ?? []), notice];
  s.challenges ??= [];
  s.stage = 'standstill';
  // One message per bidder, each with its own scores against the winner's: never another's.
  const messages: MessageSpec[] = summaries.map((x) => ({
    message: 'assessment-summary',
    recipients: [x.supplier],
    facts: {
      bidId: x.bidId,
      successful: String(x.successful),
      winner: winner.supplier.name,
      scores: x.criteria
        .map((c) => `- ${c.name} (${c.weight}%): yours ${c.yours}, the winning bid's ${c.winners}`)
        .join('\n'),
      total: String(x.total),
      winnersTotal: String(x.winnersTotal),
      rank: String(x.rank),
      rationale: cmd.rationale,
      standstillEndsAt: standstill.endsAt,
    },
  }));
  return {
    action: 'contract-awarded',
    detail: {
      bidId: cmd.bidId,
      supplier: winner.supplier.userId,
      value,
      rationale: cmd.rationale,
      departureReason: s.award.departureReason,
      ranking: s.award.ranking,
      noticeType: notice.type,
      standstill,
    },
    effects: [],
    messages,
    // The award ends the evaluation: whatever scoring was still due is met by it.
    deadlines: [
      ...(scoringOpen(s) ? [{ close: 'scoring' as const, reason: 'met' as const }] : []),
      { open: 'standstill-end', dueAt: standstill.endsAt, onDue: 'end-standstill' },
    ],
  };
}

// --- challenges ------------------------------------------------------------------------------

export function checkRecordChallenge(s: CommissionView, cmd: RecordChallenge): CommandRefusal | null {
  const r = ruleRefusal('record-challenge', s, cmd.actor);
  if (r) return r;
  if ((s.challenges ?? []).some((c) => c.id === cmd.challengeId)) return null;
  return (
    limitRefusal(s, 'challenges', s.challenges?.length ?? 0, 'legal challenges') ??
    textRefusal(s, [['the reason', cmd.reason, 'reason']])
  );
}

export function applyRecordChallenge(s: CommissionView, cmd: RecordChallenge, at: string): Change | null {
  const challenges = (s.challenges ??= []);
  if (challenges.some((c) => c.id === cmd.challengeId)) return null;
  challenges.push({
    id: cmd.challengeId,
    reason: cmd.reason,
    recordedAt: at,
    recordedBy: actorRef(cmd.actor),
    lifted: null,
  });
  return {
    action: 'challenge-recorded',
    detail: { challengeId: cmd.challengeId, reason: cmd.reason, contractSuspended: true },
    effects: [],
  };
}

export function checkLiftChallenge(s: CommissionView, cmd: LiftChallenge): CommandRefusal | null {
  const r = ruleRefusal('lift-challenge', s, cmd.actor);
  if (r) return r;
  const challenge = (s.challenges ?? []).find((c) => c.id === cmd.challengeId);
  if (!challenge)
    return refusal(s, 'no-such-challenge', `no challenge ${cmd.challengeId} on this commission`);
  if (challenge.lifted)
    return refusal(s, 'already-lifted', `challenge ${cmd.challengeId} was lifted at ${challenge.lifted.at}`);
  return textRefusal(s, [['the reason', cmd.reason, 'reason']]);
}

export function applyLiftChallenge(s: CommissionView, cmd: LiftChallenge, at: string): Change {
  const challenge = s.challenges!.find((c) => c.id === cmd.challengeId)!;
  challenge.lifted = { reason: cmd.reason, at, by: actorRef(cmd.actor) };
  const detail = { challengeId: cmd.challengeId, reason: cmd.reason };
  // Lifted after the standstill has ended (as extended, if it was): nothing else holds the contract back.
  const end = findDeadline(s.deadlines, 'standstill-end')?.dueAt ?? s.award?.standstill.endsAt;
  const ended = end !== undefined && Date.parse(at) >= Date.parse(end);
  if (ended && activeChallenges(s.challenges).length === 0) {
    const entered = enterContract(s, at);
    return { ...entered, action: 'challenge-lifted', detail: { ...detail, ...entered.detail } };
  }
  return {
    action: 'challenge-lifted',
    detail: { ...detail, contractSuspended: activeChallenges(s.challenges).length > 0 },
    effects: [],
  };
}

// --- the standstill's end, and the contract --------------------------------------------------

function enterContract(s: CommissionView, at: string): Change {
  const award = s.award!;
  const milestones = { ...s.milestones };
  s.contract = {
    bidId: award.bidId,
    supplier: award.supplier,
    value: award.value,
    startDate: at,
    enteredAt: at,
    milestones,
  };
  s.stage = 'in-delivery';
  const noticeDueAt = new Date(Date.parse(at) + CONTRACT_NOTICE_DAYS * DAY_MS).toISOString();
  const others = (s.award?.summaries ?? []).filter((x) => !x.successful).map((x) => x.supplier);
  const facts = { startDate: at, value: String(award.value), winner: award.supplier.name };
  return {
    action: 'contract-entered',
    detail: {
      bidId: award.bidId,
      supplier: award.supplier.userId,
      value: award.value,
      startDate: at,
      milestones,
      contractNotice: { type: CONTRACT_NOTICE_TYPES[s.regime], dueAt: noticeDueAt },
    },
    effects: [],
    deadlines: [{ open: 'contract-notice', dueAt: noticeDueAt }],
    messages: [
      { message: 'contract-entered', recipients: [award.supplier], facts: { ...facts, ...milestones } },
      ...others.map((p) => ({ message: 'contract-entered-unsuccessful' as const, recipients: [p], facts })),
    ],
  };
}

/** At the standstill's end, by itself: the contract is entered into, unless a challenge suspends it. */
export const endStandstill: OnDue = (s, at) => {
  if (s.stage !== 'standstill' || !s.award) return null;
  const suspending = activeChallenges(s.challenges);
  if (suspending.length > 0) {
    return {
      action: 'standstill-ended',
      detail: {
        endsAt: s.award.standstill.endsAt,
        contractSuspended: true,
        challenges: suspending.map((c) => c.id),
      },
      effects: [],
    };
  }
  const entered = enterContract(s, at);
  return { ...entered, detail: { ...entered.detail, standstillEndsAt: s.award.standstill.endsAt } };
};

// --- the contract notice ---------------------------------------------------------------------

export function checkPublishContractNotice(
  s: CommissionView,
  cmd: PublishContractNotice,
): CommandRefusal | null {
  const r = ruleRefusal('publish-contract-notice', s, cmd.actor);
  if (r) return r;
  if (!s.contract)
    return refusal(s, 'wrong-stage', 'there is no contract on this commission to give notice of');
  return null;
}

/** Records the notice and meets its deadline; a repeat changes nothing. */
export function applyPublishContractNotice(
  s: CommissionView,
  cmd: PublishContractNotice,
  at: string,
): Change | null {
  const type = CONTRACT_NOTICE_TYPES[s.regime];
  if ((s.notices ?? []).some((n) => n.type === type)) return null;
  const contract = s.contract!;
  s.notices = [
    ...(s.notices ?? []),
    {
      type,
      regime: s.regime,
      publishedAt: at,
      publishedBy: actorRef(cmd.actor),
      content: {
        title: s.title,
        supplier: contract.supplier.name,
        value: contract.value,
        startDate: contract.startDate,
      },
    },
  ];
  const deadline = findDeadline(s.deadlines, 'contract-notice');
  return {
    action: 'contract-notice-published',
    detail: { noticeType: type, supplier: contract.supplier.userId, value: contract.value },
    effects: [],
    deadlines: deadline && isOpen(deadline) ? [{ close: 'contract-notice', reason: 'met' }] : [],
  };
}

export const awardCommands = [
  defineCommand({ action: 'award', update: AwardContractUpdate, check: checkAward, apply: applyAward }),
  defineCommand({
    action: 'record-challenge',
    update: RecordChallengeUpdate,
    check: checkRecordChallenge,
    apply: applyRecordChallenge,
  }),
  defineCommand({
    action: 'lift-challenge',
    update: LiftChallengeUpdate,
    check: checkLiftChallenge,
    apply: applyLiftChallenge,
  }),
  defineCommand({
    action: 'publish-contract-notice',
    update: PublishContractNoticeUpdate,
    check: checkPublishContractNotice,
    apply: applyPublishContractNotice,
  }),
];

export const awardOnDue: Record<string, OnDue> = { 'end-standstill': endStandstill };
