import type { Timeline } from '@app/contracts';
import { noticeRows, timelineSection } from '../../../apps/api/src/web/presenters/oversight';
import { people } from '../fixtures';
import { awarded } from './award-fixture';

describe('the commission page for staff: timeline verdict and notices', () => {
  it('says whether the dates will be met, with the stages still to come', () => {
    const timeline = {
      verdict: 'at-risk',
      why: 'The interim report has 3 days to spare.',
      stages: [
        {
          stage: 'sign-off',
          done: true,
          planned: '2030-01-02',
          latestFinish: '2030-01-10',
          verdict: 'on-track',
          action: '',
        },
        {
          stage: 'tender-close',
          done: false,
          planned: '2030-02-10',
          latestFinish: '2030-02-13',
          verdict: 'at-risk',
          action: 'Publish the tender this week.',
        },
      ],
    } as unknown as Timeline;
    const section = timelineSection(timeline);
    expect(section.verdict).toEqual({ text: 'At risk', classes: 'govuk-tag--yellow' });
    expect(section.why).toBe('The interim report has 3 days to spare.');
    expect(section.rows).toEqual([
      [
        { text: 'Tender closes' },
        { text: '10 February 2030' },
        { text: '13 February 2030' },
        { html: '<strong class="govuk-tag govuk-tag--yellow">At risk</strong>' },
        { text: 'Publish the tender this week.' },
      ],
    ]);
    expect(timelineSection({ ...timeline, verdict: null }).verdict).toBeNull();
  });

  it('lists the notices issued, oldest first, in London time', () => {
    const rows = noticeRows(awarded());
    expect(rows.map((r) => r.map((c) => ('text' in c ? c.text : c.html)))).toEqual([
      ['Tender notice', 'UK4', '10am, Thursday 3 January 2030', people.officer.name],
      ['Award', 'UK6', '10am, Wednesday 20 February 2030', people.officer.name],
    ]);
  });
});
