import {
  AnswerClarificationUpdate,
  AskClarificationUpdate,
  PublishTenderUpdate,
  ReopenTenderUpdate,
  SubmitBidUpdate,
  TENDER_NOTICE_TYPES,
  REGIME_RULES,
  actorRef,
  isEvaluationPeriod,
  parseDuration,
  type Actor,
  type AnswerClarification,
  type AskClarification,
  type CommissionView,
  type Person,
  type PublishTender,
  type ReopenTender,
  type SubmitBid,
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
  sizeRefusal,
  textRefusal,
  type CommandRefusal,
} from '../kernel/refusal';

/*
 * The tender: publishing it with its notice, clarification questions and their public answers,
 * receipts of sealed bids, and the close that happens by itself at the closing time. The workflow
 * never sees a bid's content or price: the API seals them and sends only a receipt.
 */

const person = ({ userId, name, email }: Person): Person => ({ userId, name, email });

function unique(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.userId) && seen.add(p.userId)).map(person);
}

const unanswered = (s: CommissionView) => (s.clarifications ?? []).filter((c) => c.answer === null);
const currentBids = (s: CommissionView) => (s.bids?.receipts ?? []).filter((b) => b.status === 'current');

// --- publish ---------------------------------------------------------------------------------

export function checkPublishTender(
  s: CommissionView,
  cmd: PublishTender,
  now: number,
): CommandRefusal | null {
  const r = ruleRefusal('publish-tender', s, cmd.actor);
  if (r) return r;
  const gate = s.dependency;
  if (s.dependsOn && gate?.status !== 'met' && gate?.status !== 'dropped') {
    const never = gate?.status === 'never-to-be-met';
    return refusal(
      s,
      'dependency-unmet',
      never
        ? `this commission depends on ${s.dependsOn.gate} of commission ${s.dependsOn.commissionId}, which will never happen (${gate?.reason ?? 'it ended'}); an officer may drop the dependency with a reason`
        : `this commission depends on ${s.dependsOn.gate} of commission ${s.dependsOn.commissionId}, which has not happened yet; the tender cannot be published until it has`,
      { dependsOn: s.dependsOn.commissionId, gate: s.dependsOn.gate, gateStatus: gate?.status ?? 'waiting' },
    );
  }
  const closesAt = Date.parse(cmd.closesAt);
  const clarificationsCloseAt = Date.parse(cmd.clarificationsCloseAt);
  if (Number.isNaN(closesAt)) return invalid(s, 'closesAt is not a date-time');
  if (Number.isNaN(clarificationsCloseAt)) return invalid(s, 'clarificationsCloseAt is not a date-time');
  if (closesAt <= now) return invalid(s, 'closesAt must be in the future');
  if (clarificationsCloseAt <= now) return invalid(s, 'clarificationsCloseAt must be in the future');
  if (clarificationsCloseAt >= closesAt) {
    return invalid(
      s,
      'clarificationsCloseAt must be before closesAt, so answers reach bidders before the close',
    );
  }
  if (cmd.evaluationPeriod !== undefined && !isEvaluationPeriod(cmd.evaluationPeriod)) {
    return invalid(s, 'evaluationPeriod must be an ISO 8601 duration such as P10D, from a second to a year');
  }
  const criteria = cmd.criteria;
  if (criteria.length === 0) return invalid(s, 'name at least one award criterion');
  if (criteria.some((c) => !c.name.trim() || !Number.isInteger(c.weight) || c.weight <= 0)) {
    return invalid(s, 'each criterion needs a name and a whole, positive weight');
  }
  if (new Set(criteria.map((c) => c.name.trim().toLowerCase())).size !== criteria.length) {
    return invalid(s, 'criteria names must differ');
  }
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100) return invalid(s, `criteria weights must sum to 100; they sum to ${total}`);
  if (cmd.period.regime !== s.regime) {
    return invalid(s, `the period was computed for ${cmd.period.regime}, but the commission is ${s.regime}`);
  }
  if (cmd.period.minimumDays > 0) {
    const day = anotherDayRefusal(s, cmd.period.assumedPublishedAt, now, 'the tender period');
    if (day) return day;
  }
  const ground = cmd.shortenedPeriod?.ground ?? null;
  if (cmd.period.ground !== ground) return invalid(s, 'the period was computed for another ground');
  if (cmd.shortenedPeriod) {
    if (!REGIME_RULES[s.regime].tenderPeriod.grounds[cmd.shortenedPeriod.ground]) {
      return invalid(s, `${s.regime} sets no minimum period, so there is no ground to shorten it`);
    }
    if (!cmd.shortenedPeriod.justification.trim()) {
      return invalid(s, 'a shortened period needs a recorded justification');
    }
  }
  if (closesAt < Date.parse(cmd.period.earliestLawfulClose)) {
    const { rule, earliestLawfulClose, minimumDays } = cmd.period;
    return refusal(
      s,
      'period-too-short',
      `${rule.citation}: ${rule.text}. The earliest lawful close is ${earliestLawfulClose} (${minimumDays} days${
        ground ? `, on the ground of ${ground}` : ''
      }; calendar ${cmd.period.calendarVersion})${
        ground
          ? ''
          : '; a shorter period needs a ground (planned-procurement-notice or urgency) and a justification'
      }`,
      {
        earliestLawfulClose,
        rule: rule.citation,
        minimumDays: String(minimumDays),
        calendarVersion: cmd.period.calendarVersion,
      },
    );
  }
  return null;
}

export function applyPublishTender(s: CommissionView, cmd: PublishTender, at: string): Change {
  const version = s.specification.versions.find((v) => v.version === s.specification.currentVersion)!;
  const closesAt = new Date(Date.parse(cmd.closesAt)).toISOString();
  const clarificationsCloseAt = new Date(Date.parse(cmd.clarificationsCloseAt)).toISOString();
  const by = actorRef(cmd.actor);
  const criteria = cmd.criteria.map((c) => ({ name: c.name.trim(), kind: c.kind, weight: c.weight }));
  if (s.tender) s.pastTenders = [...(s.pastTenders ?? []), s.tender];
  s.tender = {
    round: (s.pastTenders?.length ?? 0) + 1,
    publishedAt: at,
    publishedBy: by,
    closesAt,
    clarificationsCloseAt,
    criteria,
    document: { specificationVersion: version.version, contentHash: version.contentHash },
    period: cmd.period,
    shortenedPeriod: cmd.shortenedPeriod,
    closedAt: null,
    outcome: 'open',
    ...(cmd.evaluationPeriod ? { evaluationPeriod: cmd.evaluationPeriod } : {}),
  };
  const notice = {
    type: TENDER_NOTICE_TYPES[s.regime],
    regime: s.regime,
    publishedAt: at,
    publishedBy: by,
    content: {
      title: s.title,
      description: s.description,
      closesAt,
      clarificationsCloseAt,
      criteria,
      specificationVersion: version.version,
      shortenedPeriod: cmd.shortenedPeriod,
    },
  };
  s.notices = [...(s.notices ?? []), notice];
  s.clarifications = [];
  s.bids = { receipts: [] };
  s.stage = 'tendering';
  return {
    action: 'tender-published',
    detail: {
      noticeType: notice.type,
      closesAt,
      clarificationsCloseAt,
      criteria,
      specificationVersion: version.version,
      shortenedPeriod: cmd.shortenedPeriod,
      ...(cmd.evaluationPeriod ? { evaluationPeriod: cmd.evaluationPeriod } : {}),
      earliestLawfulClose: cmd.period.earliestLawfulClose,
      rule: cmd.period.rule.citation,
      calendarVersion: cmd.period.calendarVersion,
    },
    effects: [],
    deadlines: [
      { open: 'clarification', dueAt: clarificationsCloseAt, onDue: 'close-clarifications' },
      { open: 'tender-close', dueAt: closesAt, onDue: 'close-tender' },
    ],
  };
}

// --- clarifications --------------------------------------------------------------------------

export function checkAskClarification(
  s: CommissionView,
  cmd: AskClarification,
  now: number,
): CommandRefusal | null {
  const r = ruleRefusal('ask-clarification', s, cmd.actor) ?? staffRefusal(s, cmd.actor, 'ask questions of');
  if (r) return r;
  // A retried question is the same question: accepted, and changes nothing.
  if (
    (s.clarifications ?? []).some((c) => c.id === cmd.questionId && c.askedBy.userId === cmd.actor.userId)
  ) {
    return null;
  }
  if (s.tender && now >= Date.parse(s.tender.clarificationsCloseAt)) {
    return refusal(s, 'clarifications-closed', `questions closed at ${s.tender.clarificationsCloseAt}`);
  }
  if (!cmd.question.trim()) return invalid(s, 'the question is empty');
  if ((s.clarifications ?? []).some((c) => c.id === cmd.questionId)) {
    return invalid(s, 'that question id is taken');
  }
  return textRefusal(s, [['the question', cmd.question, 'question']]) ?? questionLimitRefusal(s, cmd);
}

/** The questions are in the state, so their number and size are bounded, and one supplier's share. */
function questionLimitRefusal(s: CommissionView, cmd: AskClarification): CommandRefusal | null {
  const list = s.clarifications ?? [];
  const own = list.filter((c) => c.askedBy.userId === cmd.actor.userId).length;
  const chars = list.reduce((n, c) => n + c.question.length, 0);
  return (
    limitRefusal(s, 'clarifications', list.length, 'clarification questions on a tender') ??
    limitRefusal(s, 'clarificationsPerSupplier', own, 'questions from one supplier on a tender') ??
    sizeRefusal(s, 'clarificationQuestionChars', chars, cmd.question.length, 'clarification questions')
  );
}

export function applyAskClarification(s: CommissionView, cmd: AskClarification, at: string): Change | null {
  const list = (s.clarifications ??= []);
  if (list.some((c) => c.id === cmd.questionId)) return null;
  list.push({
    id: cmd.questionId,
    question: cmd.question,
    askedBy: person(cmd.actor),
    askedAt: at,
    answer: null,
  });
  return {
    action: 'clarification-asked',
    // The audit names the asker: staff read history, suppliers never do.
    detail: { questionId: cmd.questionId, question: cmd.question },
    effects: [],
  };
}

export function checkAnswerClarification(s: CommissionView, cmd: AnswerClarification): CommandRefusal | null {
  const r = ruleRefusal('answer-clarification', s, cmd.actor);
  if (r) return r;
  const question = (s.clarifications ?? []).find((c) => c.id === cmd.questionId);
  if (!question) return refusal(s, 'no-such-question', `no question ${cmd.questionId} on this tender`);
  if (!cmd.answer.trim()) return invalid(s, 'the answer is empty');
  if (question.answer && question.answer.text !== cmd.answer) {
    return refusal(s, 'already-answered', `question ${cmd.questionId} was answered at ${question.answer.at}`);
  }
  if (question.answer) return null;
  const chars = (s.clarifications ?? []).reduce((n, c) => n + (c.answer?.text.length ?? 0), 0);
  return (
    textRefusal(s, [['the answer', cmd.answer, 'answer']]) ??
    sizeRefusal(s, 'clarificationAnswerChars', chars, cmd.answer.length, 'clarification answers')
  );
}

export function applyAnswerClarification(
  s: CommissionView,
  cmd: AnswerClarification,
  at: string,
): Change | null {
  const question = s.clarifications!.find((c) => c.id === cmd.questionId)!;
  if (question.answer) return null;
  question.answer = { text: cmd.answer, by: actorRef(cmd.actor), at };
  // Once the questions have closed, the last answer meets what the clarification deadline still owed.
  const deadline = findDeadline(s.deadlines, 'clarification');
  const owedAnswers = deadline && isOpen(deadline) && !deadline.onDue;
  return {
    action: 'clarification-answered',
    detail: { questionId: cmd.questionId, answer: cmd.answer },
    effects: [],
    deadlines: owedAnswers && unanswered(s).length === 0 ? [{ close: 'clarification', reason: 'met' }] : [],
  };
}

/**
 * At the clarification deadline questions stop. Answers still owed keep the deadline open as a new
 * version due now, so they escalate to the officers (and every overdue period after) until the
 * last is answered or the tender closes.
 */
export const closeClarifications: OnDue = (s, at) => {
  if (s.stage !== 'tendering') return null;
  const owed = unanswered(s).length;
  return {
    action: 'clarifications-closed',
    detail: { questions: s.clarifications?.length ?? 0, unanswered: owed },
    effects: [],
    deadlines: owed > 0 ? [{ open: 'clarification', dueAt: at }] : [],
  };
};

// --- bids ------------------------------------------------------------------------------------

export function checkSubmitBid(s: CommissionView, cmd: SubmitBid, now: number): CommandRefusal | null {
  // A retried submission is the same receipt: accepted, and changes nothing.
  if ((s.bids?.receipts ?? []).some((b) => b.bidId === cmd.bidId && b.supplier.userId === cmd.actor.userId)) {
    return null;
  }
  const r = ruleRefusal('submit-bid', s, cmd.actor) ?? staffRefusal(s, cmd.actor, 'bid on');
  if (r) return r.code === 'wrong-stage' && s.tender?.closedAt ? closed(s) : r;
  // The workflow's clock decides, not the API's: a bid at or after the closing time is late.
  if (s.tender && now >= Date.parse(s.tender.closesAt)) return closed(s);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cmd.bidId)) {
    return invalid(s, 'bidId is not a UUID');
  }
  if (!/^sha256:[0-9a-f]{64}$/.test(cmd.contentHash)) return invalid(s, 'contentHash is not a sha256');
  if (!Number.isInteger(cmd.size) || cmd.size <= 0) return invalid(s, 'size must be a positive whole number');
  const receipts = s.bids?.receipts ?? [];
  if (receipts.some((b) => b.bidId === cmd.bidId)) return invalid(s, 'that bid id is taken');
  // Each receipt, a replaced one too, stays in the state until the tender is done with.
  const own = receipts.filter((b) => b.supplier.userId === cmd.actor.userId).length;
  return (
    limitRefusal(s, 'bidReceipts', receipts.length, 'bid receipts on a tender') ??
    limitRefusal(s, 'bidsPerSupplier', own, 'bids from one supplier on a tender')
  );
}

/**
 * Someone named on the commission (an officer, a panel member, an observer) who also holds the
 * supplier role may not compete in its tender: they read every bidder's receipts and the
 * questions' askers, and a panel member would score their own bid (PA2023 ss.81–83, PCR2015 reg 24:
 * a conflict of interest must be kept from affecting the procurement).
 */
function staffRefusal(s: CommissionView, actor: Actor, what: string): CommandRefusal | null {
  const named = [...s.officers, ...s.panel, ...s.observers].some((p) => p.userId === actor.userId);
  return named
    ? refusal(s, 'wrong-role', `someone named on this commission may not ${what} its tender`)
    : null;
}

function closed(s: CommissionView): CommandRefusal {
  return refusal(
    s,
    'tender-closed',
    `the tender closed at ${s.tender?.closedAt ?? s.tender?.closesAt ?? 'its closing time'}; no more bids`,
  );
}

export function applySubmitBid(s: CommissionView, cmd: SubmitBid, at: string): Change | null {
  const bids = (s.bids ??= { receipts: [] });
  if (bids.receipts.some((b) => b.bidId === cmd.bidId)) return null;
  const previous = bids.receipts.find(
    (b) => b.supplier.userId === cmd.actor.userId && b.status === 'current',
  );
  if (previous) previous.status = 'superseded';
  const receipt = {
    bidId: cmd.bidId,
    supplier: person(cmd.actor),
    submittedAt: at,
    contentHash: cmd.contentHash,
    size: cmd.size,
    status: 'current' as const,
    supersedes: previous?.bidId ?? null,
  };
  bids.receipts.push(receipt);
  return {
    action: previous ? 'bid-replaced' : 'bid-submitted',
    detail: {
      bidId: cmd.bidId,
      supplier: cmd.actor.userId,
      contentHash: cmd.contentHash,
      size: cmd.size,
      supersedes: receipt.supersedes,
    },
    effects: [],
  };
}

// --- the close -------------------------------------------------------------------------------

/** At the closing time, by itself: bids opened (→ evaluation) or none came (→ unsuccessful). */
export const closeTender: OnDue = (s, at) => {
  if (s.stage !== 'tendering' || !s.tender) return null;
  const bids = currentBids(s);
  const staff = unique([...s.officers, ...s.panel]);
  s.tender.closedAt = at;
  // Questions still unanswered at the close will not be answered in this tender.
  const reason = unanswered(s).length > 0 ? ('cancelled' as const) : ('met' as const);
  const closingClarifications = [{ close: 'clarification' as const, reason }];
  if (bids.length === 0) {
    s.tender.outcome = 'no-bids';
    s.stage = 'unsuccessful';
    return {
      action: 'tender-closed',
      detail: { closesAt: s.tender.closesAt, closedAt: at, bids: 0, outcome: 'no-bids' },
      effects: [],
      deadlines: closingClarifications,
      messages: [{ message: 'tender-closed-no-bids', recipients: staff, facts: { closedAt: at } }],
    };
  }
  s.tender.outcome = 'bids-opened';
  s.stage = 'evaluation';
  const scoringDueAt = s.tender.evaluationPeriod
    ? new Date(Date.parse(at) + parseDuration(s.tender.evaluationPeriod)).toISOString()
    : null;
  const receipts: MessageSpec[] = bids.map((b) => ({
    message: 'tender-closed-bid-receipt',
    recipients: [b.supplier],
    facts: { closedAt: at, bidId: b.bidId, submittedAt: b.submittedAt, contentHash: b.contentHash },
  }));
  return {
    action: 'tender-closed',
    detail: {
      closesAt: s.tender.closesAt,
      closedAt: at,
      bids: bids.length,
      bidIds: bids.map((b) => b.bidId),
      outcome: 'bids-opened',
      ...(scoringDueAt ? { scoringDueAt } : {}),
    },
    // The projection marks the commission's bid key released: only now may staff read content.
    effects: [{ kind: 'bids-opened', at, bidIds: bids.map((b) => b.bidId) }],
    // The panel's scoring is due the evaluation period after the close (see recipients.ts).
    deadlines: scoringDueAt
      ? [...closingClarifications, { open: 'scoring' as const, dueAt: scoringDueAt }]
      : closingClarifications,
    messages: [
      { message: 'tender-closed', recipients: staff, facts: { closedAt: at, bids: String(bids.length) } },
      ...receipts,
    ],
  };
};

// --- reopen ----------------------------------------------------------------------------------

export function checkReopen(s: CommissionView, cmd: ReopenTender): CommandRefusal | null {
  const r = ruleRefusal('reopen', s, cmd.actor);
  if (r) return r;
  if (!cmd.reason.trim()) return invalid(s, 'reopening needs a reason');
  return null;
}

export function applyReopen(s: CommissionView, cmd: ReopenTender): Change {
  s.stage = 'drafting';
  return { action: 'tender-reopened', detail: { reason: cmd.reason }, effects: [] };
}

export const tenderCommands = [
  defineCommand({
    action: 'publish-tender',
    update: PublishTenderUpdate,
    check: checkPublishTender,
    apply: applyPublishTender,
  }),
  defineCommand({
    action: 'ask-clarification',
    update: AskClarificationUpdate,
    check: checkAskClarification,
    apply: applyAskClarification,
  }),
  defineCommand({
    action: 'answer-clarification',
    update: AnswerClarificationUpdate,
    check: checkAnswerClarification,
    apply: applyAnswerClarification,
  }),
  defineCommand({
    action: 'submit-bid',
    update: SubmitBidUpdate,
    check: checkSubmitBid,
    apply: applySubmitBid,
  }),
  defineCommand({ action: 'reopen', update: ReopenTenderUpdate, check: checkReopen, apply: applyReopen }),
];

export const tenderOnDue: Record<string, OnDue> = {
  'close-tender': closeTender,
  'close-clarifications': closeClarifications,
};
