import { people as cast } from '../support/people';
import {
  DEFAULT_REMINDER_POLICY,
  type Actor,
  type Membership,
  type NewCommission,
  type PanelMember,
  type Person,
  type SignOffDecision,
  type SignOffRule,
} from '@app/contracts';

/** Plain data for the pure unit tests: the cast of the letter, and a commission they sit on. */

/** The same cast as the integration tests, used here as plain actors. */
export const people: Record<keyof typeof cast, Actor> = cast;

export const person = (a: Actor): Person => ({ userId: a.userId, name: a.name, email: a.email });

export const seat = (a: Actor, chair = false): PanelMember => ({ ...person(a), chair });

/** The letter's panel: Julian Le Grand in the chair, with Alan Wood and Isabelle Trowler. */
export const panelOfThree = (): PanelMember[] => [
  seat(people.chair, true),
  seat(people.wood),
  seat(people.trowler),
];

export const membership = (): Membership => ({ officers: [person(people.officer)], panel: panelOfThree() });

export const UNANIMOUS: SignOffRule = { mode: 'unanimous' };

export const quorum = (n: number, chairRequired: boolean): SignOffRule => ({
  mode: 'quorum',
  quorum: n,
  chairRequired,
});

export function newCommission(overrides: Partial<NewCommission> = {}): NewCommission {
  return {
    id: '0b7c7e0e-8a43-4d6e-9d1f-2f4f3c6c1a10',
    title: 'Study: creating improvement capacity in children’s services',
    description: 'How improvement capacity can be created or promoted in the children’s services system.',
    programmeId: 'birmingham',
    regime: 'PA2023',
    panel: panelOfThree(),
    officers: [person(people.officer)],
    observers: [person(people.observer)],
    signOffRule: UNANIMOUS,
    milestones: {
      interimReportDueAt: '2030-06-30T16:00:00.000Z',
      finalReportDueAt: '2030-09-30T16:00:00.000Z',
    },
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    dependsOn: null,
    createdBy: { userId: people.officer.userId, name: people.officer.name },
    ...overrides,
  };
}

export const approve = (a: Actor, at = '2030-01-02T10:00:00.000Z'): SignOffDecision => ({
  member: { userId: a.userId, name: a.name },
  decision: 'approve',
  comment: '',
  at,
});

export const requestChanges = (
  a: Actor,
  comment: string,
  at = '2030-01-02T10:00:00.000Z',
): SignOffDecision => ({
  member: { userId: a.userId, name: a.name },
  decision: 'request-changes',
  comment,
  at,
});
