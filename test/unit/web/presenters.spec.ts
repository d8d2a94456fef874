import { commissionPage } from '../../../apps/api/src/web/presenters/commission-page';
import { deadlineRows } from '../../../apps/api/src/web/presenters/deadlines';
import { describeEvent, historyRows } from '../../../apps/api/src/web/presenters/history';
import { listOfNames } from '../../../apps/api/src/web/presenters/labels';
import { nextStep, signOffCondition } from '../../../apps/api/src/web/presenters/next-step';
import { taskListItems } from '../../../apps/api/src/web/presenters/task-list';
import { approve, people } from '../fixtures';
import { deadline, ViewFixture } from './view-fixture';

const NOW = new Date('2027-01-10T12:00:00Z');
const RESPOND_BY = '2027-01-15T17:00:00.000Z';

describe('what happens next, and who is holding it up', () => {
  it('names the panel members still to decide and the due date, in London time', () => {
    const view = ViewFixture.drafting()
      .withVersion(3)
      .inReview(RESPOND_BY, [approve(people.wood), approve(people.chair)]).view;
    expect(nextStep(view, NOW)).toEqual({
      text: 'The panel is deciding on version 3 of the specification. It is signed off when 2 panel members approve it, the chair among them.',
      waitingFor: 'Waiting for: Isabelle Trowler — due 5pm, Friday 15 January 2027',
      overdue: false,
    });
  });

  it('lists several people the way people write lists, and marks a passed date as overdue', () => {
    const view = ViewFixture.drafting().withVersion(1).inReview('2027-01-08T09:30:00.000Z').view;
    expect(nextStep(view, NOW)).toMatchObject({
      waitingFor:
        'Waiting for: Julian Le Grand, Alan Wood and Isabelle Trowler — due 9:30am, Friday 8 January 2027',
      overdue: true,
    });
  });

  it('waits on the officers while drafting, saying whether to write, revise or submit', () => {
    const drafting = ViewFixture.drafting();
    expect(nextStep(drafting.view, NOW)).toEqual({
      text: 'The officers write the specification, then submit it to the panel for sign-off.',
      waitingFor: 'Waiting for: Olivia Officer',
      overdue: false,
    });
    expect(nextStep(drafting.withVersion(1).view, NOW).text).toBe(
      'Version 1 of the specification is ready to submit to the panel for sign-off.',
    );
    const sentBack = drafting.withVersion(1).inReview(RESPOND_BY).changesRequested('More detail');
    expect(nextStep(sentBack.view, NOW).text).toMatch(/^The panel asked for changes to version 1\./);
  });

  it('waits on nobody once cancelled, and says who cancelled it and when', () => {
    const view = ViewFixture.drafting().cancelled('Funding withdrawn').view;
    expect(nextStep(view, NOW)).toEqual({
      text: 'Olivia Officer cancelled this commission at 3:30pm, Thursday 7 January 2027. Nothing more happens.',
      waitingFor: null,
      overdue: false,
    });
  });

  it('puts each sign-off rule in words', () => {
    expect(signOffCondition({ mode: 'unanimous' })).toBe('every panel member approves it');
    expect(signOffCondition({ mode: 'quorum', quorum: 1, chairRequired: false })).toBe(
      '1 panel member approves it',
    );
    expect(signOffCondition({ mode: 'quorum', quorum: 2, chairRequired: true })).toBe(
      '2 panel members approve it, the chair among them',
    );
    expect(listOfNames(['A'])).toBe('A');
  });
});

describe('the history', () => {
  it('describes each action in a sentence, newest first, with the change of stage', () => {
    const rows = historyRows([
      {
        seq: 1,
        at: new Date('2027-01-04T10:00:00Z'),
        actorName: 'Olivia Officer',
        action: 'commission-opened',
        fromStage: null,
        toStage: 'drafting',
        detail: {},
      },
      {
        seq: 2,
        at: new Date('2027-01-05T11:00:00Z'),
        actorName: 'Olivia Officer',
        action: 'specification-submitted',
        fromStage: 'drafting',
        toStage: 'panel-review',
        detail: { specificationVersion: 1, respondBy: RESPOND_BY },
      },
    ]);
    expect(rows).toEqual([
      {
        when: '11am, Tuesday 5 January 2027',
        who: 'Olivia Officer',
        what: 'Submitted version 1 to the panel, to decide by 5pm, Friday 15 January 2027',
        stageChange: 'Drafting to Panel review',
      },
      {
        when: '10am, Monday 4 January 2027',
        who: 'Olivia Officer',
        what: 'Opened the commission',
        stageChange: null,
      },
    ]);
  });

  it('quotes comments and reasons, and names actions it does not know yet by their name', () => {
    expect(
      describeEvent('sign-off', {
        decision: 'request-changes',
        specificationVersion: 2,
        comment: 'More',
        outcome: 'changes-requested',
      }),
    ).toBe('Asked for changes to version 2: “More”');
    expect(
      describeEvent('sign-off', { decision: 'approve', specificationVersion: 2, outcome: 'signed-off' }),
    ).toBe('Approved version 2. The specification is signed off');
    expect(
      describeEvent('deadline-moved', {
        milestone: 'sign-off',
        from: RESPOND_BY,
        to: '2027-01-22T17:00:00Z',
        reason: 'Chair away',
      }),
    ).toBe(
      'Moved the panel sign-off deadline from 5pm, Friday 15 January 2027 to 5pm, Friday 22 January 2027: “Chair away”',
    );
    expect(describeEvent('tender-published', {})).toBe('Tender published');
  });
});

describe('deadlines', () => {
  it('says how long is left, what is overdue and what was met, earliest first', () => {
    const met = {
      ...deadline('sign-off', '2027-01-08T17:00:00Z'),
      closedReason: 'met' as const,
      metAt: '2027-01-07T09:00:00Z',
    };
    const rows = deadlineRows(
      [
        deadline('final-report', '2027-09-30T16:00:00Z'),
        deadline('interim-report', '2027-01-09T17:00:00Z'),
        met,
      ],
      NOW,
    );
    expect(rows.map((r) => [r.milestone, r.status, r.overdue])).toEqual([
      ['Panel sign-off', 'Met at 9am, Thursday 7 January 2027', false],
      ['Interim report', '1 day overdue', true],
      ['Final report', 'due in 263 days', false],
    ]);
    expect(rows[2].nextReminder).toBe('Reminder at 5pm, Thursday 23 September 2027');
  });
});

describe('the commission page', () => {
  const review = ViewFixture.drafting()
    .withVersion(1)
    .inReview(RESPOND_BY, [approve(people.wood)]).view;
  const page = (who: (typeof people)[keyof typeof people], view = review) =>
    commissionPage(view, who, { history: [], specification: null, now: NOW });

  it('offers each person the forms for the actions the rules allow them now', () => {
    expect(page(people.chair).actions).toEqual([
      { text: 'Approve or request changes', href: `/commissions/${review.id}/sign-off` },
    ]);
    expect(page(people.officer).actions.map((a) => a.text)).toEqual([
      'Move a deadline',
      'Cancel this commission',
    ]);
    expect(page(people.observer).actions).toEqual([]);
    const drafting = ViewFixture.drafting().withVersion(1).view;
    expect(page(people.officer, drafting).actions.map((a) => a.href)).toEqual([
      `/commissions/${drafting.id}/specification/edit`,
      `/commissions/${drafting.id}/submit`,
      `/commissions/${drafting.id}/deadlines/move`,
      `/commissions/${drafting.id}/cancel`,
    ]);
  });

  it('tallies the current round member by member and states the rule', () => {
    const p = page(people.officer);
    expect(p.signOff?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Julian Le Grand (chair)', 'Not decided yet', '', ''],
      ['Alan Wood', 'Approved', '', '10am, Wednesday 2 January 2030'],
      ['Isabelle Trowler', 'Not decided yet', '', ''],
    ]);
    expect(p.details).toContainEqual({
      key: { text: 'Sign-off rule' },
      value: { text: '2 approvals, the chair among them' },
    });
  });

  it('escapes the status it marks up for an overdue deadline', () => {
    const late = ViewFixture.drafting().withVersion(1).inReview('2027-01-09T17:00:00.000Z').view;
    expect(page(people.officer, late).deadlineTable[0][2]).toEqual({
      html: '<strong class="govuk-tag govuk-tag--red">1 day overdue</strong>',
    });
  });
});

describe('the My tasks list', () => {
  it('gives each task its link, its commission and due date, and a red tag when overdue', () => {
    const items = taskListItems(
      [
        {
          kind: 'decide-on-specification',
          commissionId: 'c1',
          commissionTitle: 'Study A',
          stage: 'panel-review',
          summary: 'Decide on version 1 of the specification',
          dueAt: '2027-01-09T17:00:00Z',
          overdue: true,
          specificationVersion: 1,
          milestone: 'sign-off',
          path: '/commissions/c1/sign-off',
        },
        {
          kind: 'write-specification',
          commissionId: 'c2',
          commissionTitle: 'Study B',
          stage: 'drafting',
          summary: 'Write the specification',
          dueAt: null,
          overdue: false,
          specificationVersion: null,
          milestone: null,
          path: '/commissions/c2/specification/edit',
        },
      ],
      NOW,
    );
    expect(items).toEqual([
      {
        title: { text: 'Decide on version 1 of the specification' },
        href: '/commissions/c1/sign-off',
        hint: { text: 'Study A. Due 5pm, Saturday 9 January 2027' },
        status: { tag: { text: '1 day overdue', classes: 'govuk-tag--red' } },
      },
      {
        title: { text: 'Write the specification' },
        href: '/commissions/c2/specification/edit',
        hint: { text: 'Study B' },
        status: { text: 'No due date' },
      },
    ]);
  });
});
