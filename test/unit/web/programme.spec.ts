import { programmeGraph } from '@app/contracts';
import { commissionPage } from '../../../apps/api/src/web/presenters/commission-page';
import { programmePage } from '../../../apps/api/src/web/presenters/programme';
import { people } from '../fixtures';
import { awarded } from './award-fixture';

describe('the programme page', () => {
  function programme() {
    const first = awarded();
    const second = { ...awarded(), id: 'second', title: 'Second study', stage: 'drafting' as const };
    second.dependsOn = { commissionId: first.id, gate: 'interim-report-accepted' };
    second.dependency = { status: 'waiting' } as typeof second.dependency;
    return {
      id: 'birmingham',
      name: 'Birmingham children’s services',
      description: 'Two studies.',
      createdBy: { userId: people.officer.userId, name: people.officer.name },
      createdAt: '2030-01-01T00:00:00.000Z',
      ...programmeGraph([first, second], true),
    };
  }

  it('lists each commission with its stage and next due date, what depends on what and what blocks', () => {
    const page = programmePage(programme(), people.officer);
    expect(page.rows[0][0]).toEqual({
      html: expect.stringMatching(
        /^<a class="govuk-link" href="\/commissions\/[^"]+">Study: creating improvement capacity[^<]*<\/a>$/,
      ),
    });
    expect(page.rows[1][1]).toEqual({ html: '<strong class="govuk-tag govuk-tag--grey">Drafting</strong>' });
    expect(page.rows[0][2]).toEqual({
      text: expect.stringMatching(/^Standstill ends: midnight, Monday 4 March 2030$/),
    });
    expect(page.dependencies).toEqual([
      `“Second study” waits until “${awarded().title}”: its interim report is accepted. Waiting.`,
    ]);
    expect(page.blocking).toEqual([
      expect.stringContaining('"Second study" cannot publish its tender until'),
    ]);
  });

  it('is linked from a commission page that has a programme', () => {
    const page = commissionPage(awarded(), people.officer, {
      history: [],
      specification: null,
      now: new Date(),
    });
    expect(page.details).toContainEqual({
      key: { text: 'Programme' },
      value: { html: '<a class="govuk-link" href="/programmes/birmingham">birmingham</a>' },
    });
  });
});
