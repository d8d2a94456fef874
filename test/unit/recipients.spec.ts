import type { Deadline } from '@app/contracts';
import { applySignOff } from '../../workflows/commission/stages/sign-off';
import { recipientsFor } from '../../workflows/commission/recipients';
import { approve, people, person } from './fixtures';
import { underReview, signOffCmd } from './stages/steps';

const deadline = (milestone: Deadline['milestone']) => ({ milestone }) as Deadline;
const ids = (ps: { userId: string }[]) => ps.map((p) => p.userId);

describe('who hears about a deadline', () => {
  it('reminds only the panel members who have not decided on the version under review', () => {
    const s = underReview();
    applySignOff(s, signOffCmd(people.wood, 'approve', 1), '2030-01-03T10:00:00.000Z');
    expect(ids(recipientsFor(s, deadline('sign-off'), 'reminder'))).toEqual([
      people.chair.userId,
      people.trowler.userId,
    ]);
  });

  it('escalates to the officers and observers, each once', () => {
    const s = underReview();
    s.observers.push(person(people.officer));
    expect(ids(recipientsFor(s, deadline('sign-off'), 'escalation'))).toEqual([
      people.officer.userId,
      people.observer.userId,
    ]);
  });

  it('reminds the officers of report dates', () => {
    expect(ids(recipientsFor(underReview(), deadline('interim-report'), 'reminder'))).toEqual([
      people.officer.userId,
    ]);
  });

  it('sends recipients as people, never as panel seats', () => {
    expect(recipientsFor(underReview(), deadline('sign-off'), 'reminder')[0]).toEqual(person(people.chair));
    expect(approve(people.chair).member).toEqual({ userId: people.chair.userId, name: people.chair.name });
  });
});
