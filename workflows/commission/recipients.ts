import type { CommissionView, Deadline, NotificationKind, Person } from '@app/contracts';

function unique(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.userId) && seen.add(p.userId));
}

const person = ({ userId, name, email }: Person): Person => ({ userId, name, email });

/**
 * Who hears about a deadline: escalations go to the officers and the observers named on the
 * commission; a sign-off reminder to the panel members who have not decided yet; report reminders
 * to the officers (and, once there is one, the awarded supplier).
 */
export function recipientsFor(s: CommissionView, d: Deadline, kind: NotificationKind): Person[] {
  if (kind === 'escalation') return unique([...s.officers, ...s.observers].map(person));
  if (d.milestone === 'sign-off') {
    const decided = new Set(s.signOff.current?.decisions.map((x) => x.member.userId) ?? []);
    return s.panel.filter((m) => !decided.has(m.userId)).map(person);
  }
  return unique(s.officers.map(person));
}
