import {
  evaluationSummary,
  type CommissionView,
  type Deadline,
  type NotificationKind,
  type Person,
} from '@app/contracts';

function unique(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.userId) && seen.add(p.userId));
}

const person = ({ userId, name, email }: Person): Person => ({ userId, name, email });

/** Suppliers who asked a question or bid in the current tender. */
function tenderSuppliers(s: CommissionView): Person[] {
  return [
    ...(s.clarifications ?? []).map((c) => c.askedBy),
    ...(s.bids?.receipts ?? []).map((b) => b.supplier),
  ];
}

/**
 * Who hears about a deadline: escalations go to the officers and the observers named on the
 * commission; a sign-off reminder to the panel members who have not decided yet; a scoring reminder
 * to the panel members who still owe scores on a bid they may score (not conflicted); other reminders
 * to the officers (and, once there is one, the awarded supplier). Suppliers who asked or bid hear
 * of the tender's deadlines separately (supplierRecipientsFor).
 */
export function recipientsFor(s: CommissionView, d: Deadline, kind: NotificationKind): Person[] {
  if (kind === 'escalation') return unique([...s.officers, ...s.observers].map(person));
  if (d.milestone === 'sign-off') {
    const decided = new Set(s.signOff.current?.decisions.map((x) => x.member.userId) ?? []);
    return s.panel.filter((m) => !decided.has(m.userId)).map(person);
  }
  if (d.milestone === 'scoring') {
    const owing = new Set(evaluationSummary(s).outstanding.map((o) => o.member.userId));
    return s.panel.filter((m) => owing.has(m.userId)).map(person);
  }
  // Once the contract is entered into, the supplier owes the reports (see award.ts).
  if ((d.milestone === 'interim-report' || d.milestone === 'final-report') && s.contract) {
    return unique([...s.officers, s.contract.supplier].map(person));
  }
  return unique(s.officers.map(person));
}

/**
 * Suppliers reminded of a clarification or tender-close deadline, each in a notification of their
 * own: one message to several suppliers would show each the others' names and addresses.
 */
export function supplierRecipientsFor(s: CommissionView, d: Deadline, kind: NotificationKind): Person[] {
  if (kind !== 'reminder' || (d.milestone !== 'clarification' && d.milestone !== 'tender-close')) return [];
  return unique(tenderSuppliers(s).map(person));
}

/**
 * Who still owes which scores, as a scoring reminder or escalation names them:
 * "Alan Wood: Acme Ltd's bid (Method, Team)". Only eligible members owe (conflicted ones never do).
 */
export function owedScores(s: CommissionView): string[] {
  return evaluationSummary(s).outstanding.map(
    (o) => `${o.member.name}: ${o.supplier}'s bid (${o.criteria.join(', ')})`,
  );
}
