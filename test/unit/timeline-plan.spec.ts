import { buildCalendarSnapshot, readOverrides } from '@app/calendar';
import {
  DEFAULT_TIMELINE_SETTINGS,
  planTimeline,
  type CommissionView,
  type Tender,
  type TimelineStage,
  type UpstreamGate,
} from '@app/contracts';
import { initialState } from '../../workflows/commission/initial-state';
import { approve, newCommission, people } from './fixtures';

/**
 * Timetables worked out by hand from a wall calendar and GOV.UK's bank holiday lists (the comment
 * above each case shows the counting), never by calling the functions under test. The defaults:
 * 8 weeks (56 days) from contract to the interim report, 16 weeks (112 days) to the final one,
 * 14 days of evaluation, at risk under 5 days of slack. PA2023: 25 days' tender period (s.54(4)),
 * 8 working days of standstill beginning with the award notice's day (s.51(2)), the contract
 * entered into the day after the last (s.51(1)).
 */
const calendar = buildCalendarSnapshot(readOverrides());
const settings = DEFAULT_TIMELINE_SETTINGS;

function view(overrides: Parameters<typeof newCommission>[0] = {}): CommissionView {
  return initialState(newCommission(overrides), '2026-10-01T09:00:00.000Z');
}

/** Interim Fri 26 Feb 2027, final Fri 28 May 2027 (17:00 London both days). */
const CHRISTMAS_REPORTS = {
  interimReportDueAt: '2027-02-26T17:00:00.000Z',
  finalReportDueAt: '2027-05-28T16:00:00.000Z',
};

const slack = (plan: ReturnType<typeof planTimeline>) =>
  Object.fromEntries(plan.stages.map((s) => [s.stage, s.slackDays])) as Record<TimelineStage, number>;
const stageOf = (plan: ReturnType<typeof planTimeline>, stage: TimelineStage) =>
  plan.stages.find((s) => s.stage === stage)!;

describe('the timetable under PA2023, across Christmas', () => {
  // Backwards: interim 26 Feb − 56 = Fri 1 Jan 2027 (final: 28 May − 112 = 5 Feb, later), so the
  // contract must start by 1 Jan. An award on Fri 18 Dec counts 18, 21, 22, 23, 24, (25 Christmas,
  // 26–27 weekend, 28 Boxing Day substitute) 29, 30, 31 Dec: last day Thu 31 Dec, entry Fri 1 Jan.
  // An award on Sat 19 Dec would count 21–24, 29–31 (7), skip 1 Jan and Mon 4 Jan (Scotland's
  // 2 January substitute): last day Tue 5 Jan, too late. So award by 18 Dec, close by 18 − 14 =
  // Fri 4 Dec, publish by 4 Dec − 25 = Mon 9 Nov 2026.
  const drafting = view({ milestones: CHRISTMAS_REPORTS });

  it('on track on Sunday 1 November: eight days to spare at the tightest stage', () => {
    // Forwards from 1 Nov: close 26 Nov, award Thu 10 Dec, standstill 10, 11, 14–18, 21 Dec (last
    // Mon 21), entry Tue 22 Dec; interim 22 Dec + 56 = 16 Feb (10 days early); final 22 Dec + 112 =
    // 13 Apr (45 days early).
    const plan = planTimeline(drafting, { at: '2026-11-01T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('on-track');
    expect(plan.feasible).toBe(true);
    expect(stageOf(plan, 'tender-publication')).toMatchObject({
      latestFinish: '2026-11-09',
      planned: '2026-11-01',
      basis: 'projected',
      verdict: 'on-track',
      action:
        'Publish the tender by Monday 9 November 2026 to allow 25 days for tenders, 14 days of evaluation and 8 working days of standstill before the interim report is due (8 days to spare)',
    });
    expect(stageOf(plan, 'award')).toMatchObject({ latestFinish: '2026-12-18', planned: '2026-12-10' });
    expect(stageOf(plan, 'standstill')).toMatchObject({ latestFinish: '2027-01-01', planned: '2026-12-22' });
    expect(stageOf(plan, 'interim-report')).toMatchObject({
      latestFinish: '2027-02-26',
      planned: '2027-02-16',
    });
    expect(slack(plan)).toEqual({
      'sign-off': 8,
      'tender-publication': 8,
      clarifications: 8,
      'tender-close': 8,
      award: 8,
      standstill: 10,
      'contract-start': 10,
      'interim-report': 10,
      'final-report': 45,
    });
    expect(plan.calendarVersion).toBe(calendar.version);
  });

  it('at risk on Monday 9 November: not a day to spare', () => {
    const plan = planTimeline(drafting, { at: '2026-11-09T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('at-risk');
    expect(plan.feasible).toBe(true);
    expect(slack(plan)['tender-publication']).toBe(0);
    expect(slack(plan)['interim-report']).toBe(0);
    expect(plan.why).toMatch(/^At risk: /);
  });

  it('infeasible on Tuesday 10 November: one day late to publish costs five at the interim report', () => {
    // Publish 10 Nov, close Sat 5 Dec, award Sat 19 Dec: last standstill day Tue 5 Jan (above),
    // entry Wed 6 Jan; interim 6 Jan + 56 = Wed 3 Mar, 5 days after 26 Feb.
    const plan = planTimeline(drafting, { at: '2026-11-10T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('infeasible');
    expect(plan.feasible).toBe(false);
    expect(stageOf(plan, 'standstill').planned).toBe('2027-01-06');
    expect(stageOf(plan, 'interim-report')).toMatchObject({ planned: '2027-03-03', slackDays: -5 });
    expect(plan.why).toBe(
      'The interim report due Friday 26 February 2027 cannot be met: the earliest it can come is Wednesday 3 March 2027. ' +
        'Have the specification signed off by Monday 9 November 2026, so the tender can be published in time; the earliest it can be is Tuesday 10 November 2026, 1 day late.',
    );
  });

  it('a moved deadline makes it infeasible: the interim report brought forward to 12 February', () => {
    // Interim 12 Feb − 56 = Fri 18 Dec: the standstill's last day must be Thu 17 Dec, so it begins
    // 8 working days back on Tue 8 Dec (8–11, 14–17); close by 24 Nov, publish by 30 Oct. On 1 Nov
    // that is 2 days late; interim projected 16 Feb (as above), 4 days late.
    const moved = view({
      milestones: { ...CHRISTMAS_REPORTS, interimReportDueAt: '2027-02-12T17:00:00.000Z' },
    });
    const plan = planTimeline(moved, { at: '2026-11-01T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('infeasible');
    expect(stageOf(plan, 'award').latestFinish).toBe('2026-12-08');
    expect(stageOf(plan, 'tender-publication')).toMatchObject({ latestFinish: '2026-10-30', slackDays: -2 });
    expect(stageOf(plan, 'interim-report').slackDays).toBe(-4);
  });
});

describe('a dependent commission (PA2023) waits on the first study’s interim report', () => {
  // Signed off on 20 Oct 2026; the same reports as above, so publish by Mon 9 Nov.
  const dependent = view({
    milestones: CHRISTMAS_REPORTS,
    dependsOn: { commissionId: '6c0a3f5e-0000-4000-8000-000000000001', gate: 'interim-report-accepted' },
  });
  dependent.stage = 'signed-off';
  dependent.signOff.rounds = [
    {
      specificationVersion: 1,
      respondBy: '2026-10-25T17:00:00Z',
      openedAt: '2026-10-15T10:00:00Z',
      decisions: [approve(people.chair, '2026-10-20T10:00:00Z')],
      outcome: 'signed-off',
    },
  ];
  const upstream = (dueAt: string): UpstreamGate => ({
    commissionId: '6c0a3f5e-0000-4000-8000-000000000001',
    title: 'Improvement capacity',
    gate: 'interim-report-accepted',
    dueAt,
    metAt: null,
    neverToBeMet: false,
  });

  it('on track while the gate is due on Monday 2 November', () => {
    // Publish 2 Nov, close 27 Nov, award Fri 11 Dec: 11, 14–18, 21, 22 → last Tue 22 Dec, entry
    // Wed 23 Dec; interim 23 Dec + 56 = 17 Feb (9 early). Tightest: publication, 7 days.
    const plan = planTimeline(dependent, {
      at: '2026-11-01T10:00:00Z',
      calendar,
      settings,
      upstream: upstream('2026-11-02T17:00:00Z'),
    });
    expect(plan.verdict).toBe('on-track');
    expect(stageOf(plan, 'sign-off')).toMatchObject({ done: true, basis: 'actual', planned: '2026-10-20' });
    expect(stageOf(plan, 'tender-publication')).toMatchObject({ planned: '2026-11-02', slackDays: 7 });
    expect(stageOf(plan, 'interim-report')).toMatchObject({ planned: '2027-02-17', slackDays: 9 });
    expect(plan.dependency).toMatchObject({ plannedDay: '2026-11-02' });
  });

  it('infeasible when the first study’s interim report slips to Thursday 12 November', () => {
    // Publish 12 Nov, close 7 Dec, award Mon 21 Dec: 21–24, 29–31 (7), skip 1 and 4 Jan → last
    // Tue 5 Jan, entry Wed 6 Jan; interim 6 Jan + 56 = Wed 3 Mar, 5 days late.
    const plan = planTimeline(dependent, {
      at: '2026-11-01T10:00:00Z',
      calendar,
      settings,
      upstream: upstream('2026-11-12T17:00:00Z'),
    });
    expect(plan.verdict).toBe('infeasible');
    expect(stageOf(plan, 'tender-publication')).toMatchObject({ planned: '2026-11-12', slackDays: -3 });
    expect(stageOf(plan, 'interim-report')).toMatchObject({ planned: '2027-03-03', slackDays: -5 });
  });

  it('infeasible for good when the first study is cancelled', () => {
    const plan = planTimeline(dependent, {
      at: '2026-11-01T10:00:00Z',
      calendar,
      settings,
      upstream: { ...upstream('2026-11-02T17:00:00Z'), neverToBeMet: true },
    });
    expect(plan.verdict).toBe('infeasible');
    expect(stageOf(plan, 'tender-publication').action).toMatch(/will never be met/);
  });
});

describe('a published PA2023 tender, across Easter 2027', () => {
  // Interim Fri 28 May 2027 − 56 = Fri 2 Apr (final 30 Sep − 112 = 10 Jun, later). Award on Fri
  // 19 Mar counts 19, 22–25, (26 Good Friday, 27–28 weekend, 29 Easter Monday) 30, 31 Mar, 1 Apr:
  // last Thu 1 Apr, entry Fri 2 Apr. An award on Sat 20 Mar counts only 7 by 1 Apr. So award by
  // 19 Mar, close by 5 Mar, publish by 5 Mar − 25 = Mon 8 Feb.
  const tendering = view({
    milestones: {
      interimReportDueAt: '2027-05-28T16:00:00.000Z',
      finalReportDueAt: '2027-09-30T16:00:00.000Z',
    },
  });
  tendering.stage = 'tendering';
  tendering.tender = {
    round: 1,
    publishedAt: '2027-02-01T10:00:00Z',
    publishedBy: { userId: people.officer.userId, name: people.officer.name },
    closesAt: '2027-03-05T12:00:00Z',
    clarificationsCloseAt: '2027-02-26T12:00:00Z',
    closedAt: null,
    outcome: 'open',
  } as Tender;

  it('at risk with the published close on its latest day', () => {
    const plan = planTimeline(tendering, { at: '2027-02-10T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('at-risk');
    expect(stageOf(plan, 'sign-off').done).toBe(true);
    expect(stageOf(plan, 'tender-publication')).toMatchObject({
      done: true,
      planned: '2027-02-01',
      latestFinish: '2027-02-08',
      action: 'Publication of the tender finished on Monday 1 February 2027, 7 days before its latest day',
    });
    expect(stageOf(plan, 'tender-close')).toMatchObject({
      basis: 'published',
      planned: '2027-03-05',
      slackDays: 0,
    });
    expect(stageOf(plan, 'award').latestFinish).toBe('2027-03-19');
    expect(stageOf(plan, 'standstill')).toMatchObject({ planned: '2027-04-02', slackDays: 0 });
    expect(stageOf(plan, 'final-report')).toMatchObject({ planned: '2027-07-23', slackDays: 69 });
  });
});

describe('below threshold, around Easter 2027', () => {
  // No standstill (PA2023 ss.86–88) and no minimum tender period. A stated delivery plan of 4 weeks
  // to the interim report: Fri 30 Apr − 28 = Fri 2 Apr (final 30 Jul − 112 = 9 Apr, later), so award
  // and contract by 2 Apr, close by 2 Apr − 14 = Fri 19 Mar, publish by then.
  const small = view({
    regime: 'below-threshold',
    milestones: {
      interimReportDueAt: '2027-04-30T16:00:00.000Z',
      finalReportDueAt: '2027-07-30T16:00:00.000Z',
    },
    deliveryPlan: { toInterim: 'P4W', toFinal: 'P16W' },
  });

  it('on track on Monday 1 March', () => {
    const plan = planTimeline(small, { at: '2027-03-01T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('on-track');
    expect(plan.deliveryPlan).toEqual({ toInterim: 'P4W', toFinal: 'P16W', source: 'commission' });
    expect(stageOf(plan, 'tender-publication')).toMatchObject({ latestFinish: '2027-03-19', slackDays: 18 });
    expect(stageOf(plan, 'standstill')).toMatchObject({ latestFinish: '2027-04-02', planned: '2027-03-15' });
  });

  it('at risk on Monday 15 March (4 days to spare)', () => {
    const plan = planTimeline(small, { at: '2027-03-15T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('at-risk');
    expect(stageOf(plan, 'interim-report')).toMatchObject({ planned: '2027-04-26', slackDays: 4 });
    expect(stageOf(plan, 'tender-publication').action).toBe(
      'Publish the tender by Friday 19 March 2027 to allow the tender period, 14 days of evaluation and no standstill before the interim report is due (4 days to spare)',
    );
  });

  it('infeasible on Monday 22 March (Good Friday does not matter without working days)', () => {
    // Publish and close 22 Mar, award 5 Apr, interim 5 Apr + 28 = 3 May: 3 days late.
    const plan = planTimeline(small, { at: '2027-03-22T10:00:00Z', calendar, settings, upstream: null });
    expect(plan.verdict).toBe('infeasible');
    expect(stageOf(plan, 'interim-report')).toMatchObject({ planned: '2027-05-03', slackDays: -3 });
  });

  it('has nothing to plan once cancelled', () => {
    const plan = planTimeline(
      { ...small, stage: 'cancelled' },
      {
        at: '2027-03-22T10:00:00Z',
        calendar,
        settings,
        upstream: null,
      },
    );
    expect(plan).toMatchObject({ verdict: null, feasible: null });
  });
});
