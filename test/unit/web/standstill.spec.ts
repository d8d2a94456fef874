import { applyLiftChallenge } from '../../../workflows/commission/stages/award';
import { standstillPage } from '../../../apps/api/src/web/presenters/standstill';
import { people } from '../fixtures';
import { awarded, challenged } from './award-fixture';

describe('the standstill page', () => {
  const during = new Date('2030-02-26T12:00:00Z');

  it('says when the standstill ends in London time, with the rule, and that the contract follows', () => {
    const page = standstillPage(awarded(), during)!;
    expect(page.ends).toBe(
      'The standstill ends at midnight, Monday 4 March 2030 (PA2023 s.51(2): 8 working days).',
    );
    expect(page.suspended).toBe(false);
    expect(page.entry).toBe('No challenge is active: the contract is entered into when the standstill ends.');
    expect(page.active).toEqual([]);
  });

  it('shows an active challenge suspending entry, and a lifted one with its reason', () => {
    const s = awarded();
    const first = challenged(s, 21);
    challenged(s, 22);
    let page = standstillPage(s, during)!;
    expect(page.suspended).toBe(true);
    expect(page.entry).toContain('suspended while a challenge is active (PA2023 s.101)');
    expect(page.active.map((c) => c.recorded)).toEqual([
      `10am, Monday 25 February 2030 by ${people.officer.name}`,
      `10am, Monday 25 February 2030 by ${people.officer.name}`,
    ]);
    applyLiftChallenge(
      s,
      { actor: people.officer, challengeId: first, reason: 'Struck out' },
      '2030-02-27T15:00:00.000Z',
    );
    page = standstillPage(s, during)!;
    expect(page.active).toHaveLength(1);
    expect(page.lifted).toEqual([
      expect.objectContaining({
        lifted: `3pm, Wednesday 27 February 2030 by ${people.officer.name}: Struck out`,
      }),
    ]);
  });

  it('is absent before an award', () => {
    const s = awarded();
    delete s.award;
    expect(standstillPage(s, during)).toBeNull();
  });
});
