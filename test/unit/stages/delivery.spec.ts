import {
  ACTION_RULES,
  REFUSAL_CODES,
  allowedActions,
  isAllowedTransition,
  reportStandings,
  reportsFor,
  viewFor,
  type Actor,
  type CommissionView,
  type ReviewReport,
  type SubmitReport,
} from '@app/contracts';
import { applyDeadlineChanges } from '../../../workflows/commission/kernel/deadline-book';
import { findDeadline } from '../../../workflows/commission/kernel/deadlines';
import {
  applyReviewReport,
  applySubmitReport,
  checkReviewReport,
  checkSubmitReport,
  markOverdue,
} from '../../../workflows/commission/stages/delivery';
import { people, person } from '../fixtures';
import { applyPublishContractNotice } from '../../../workflows/commission/stages/award';
import { inDelivery } from './steps';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hash = (n: number) => `sha256:${String(n).padStart(64, '0')}`;
const AT = '2030-03-10T10:00:00.000Z';

let submissions = 0;
const submitCmd = (by: Actor, kind: SubmitReport['kind']): SubmitReport => {
  submissions++;
  return { actor: by, kind, submissionId: uuid(submissions), contentHash: hash(submissions), size: 1200 };
};
const reviewCmd = (by: Actor, reportId: string, decision: ReviewReport['decision'], comments = '') => ({
  actor: by,
  reportId,
  decision,
  comments,
});

/** Runs the validator first, as the workflow does, then applies and applies the deadline changes. */
function submit(s: CommissionView, cmd: SubmitReport) {
  expect(checkSubmitReport(s, cmd)).toBeNull();
  const change = applySubmitReport(s, cmd, AT)!;
  return change;
}
function review(s: CommissionView, cmd: ReviewReport) {
  expect(checkReviewReport(s, cmd)).toBeNull();
  const change = applyReviewReport(s, cmd, AT);
  applyDeadlineChanges(s, change.deadlines ?? [], Date.parse(AT));
  return change;
}

describe('delivery rules and transitions', () => {
  it('the supplier or an officer submits, a panel member or an officer reviews, in delivery only', () => {
    expect(ACTION_RULES['submit-report']).toEqual({
      stages: ['in-delivery'],
      who: ['contracted-supplier', 'officer'],
    });
    expect(ACTION_RULES['review-report']).toEqual({
      stages: ['in-delivery'],
      who: ['panel-member', 'officer'],
    });
    const s = inDelivery();
    expect(allowedActions(s.stage, people.wood, s)).toContain('review-report');
    expect(allowedActions(s.stage, people.observer, s)).not.toContain('review-report');
    expect(allowedActions('standstill', people.supplier, s)).not.toContain('submit-report');
    // Offered to the supplier holding the contract only.
    expect(allowedActions(s.stage, people.supplier, s)).toContain('submit-report');
    expect(allowedActions(s.stage, people.rival, s)).not.toContain('submit-report');
  });

  it('only review-report completes a commission, from in-delivery', () => {
    expect(isAllowedTransition('in-delivery', 'completed', { command: 'review-report' })).toBe(true);
    expect(isAllowedTransition('in-delivery', 'completed', { command: 'submit-report' })).toBe(false);
    expect(isAllowedTransition('standstill', 'completed', { command: 'review-report' })).toBe(false);
  });

  it('refuses with a 403 code a supplier that does not hold the contract; an officer submits for it', () => {
    const s = inDelivery();
    const refused = checkSubmitReport(s, submitCmd(people.rival, 'interim'));
    expect(refused).toMatchObject({ code: 'not-the-contracted-supplier' });
    expect(REFUSAL_CODES['not-the-contracted-supplier'].status).toBe(403);
    expect(checkSubmitReport(s, submitCmd(people.wood, 'interim'))).toMatchObject({ code: 'wrong-role' });
    const change = submit(s, submitCmd(people.officer, 'interim'));
    expect(change.detail).toMatchObject({ onBehalfOfSupplier: true, version: 1 });
  });

  it('refuses receipts the read model could not have written: bad hash, size out of bounds', () => {
    const s = inDelivery();
    expect(
      checkSubmitReport(s, { ...submitCmd(people.supplier, 'interim'), contentHash: 'x' }),
    ).toMatchObject({
      code: 'invalid-input',
    });
    expect(checkSubmitReport(s, { ...submitCmd(people.supplier, 'interim'), size: 400_001 })).toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('submitting, revising and accepting reports', () => {
  it('interim: submit → revise with comments → resubmit → accept meets the deadline and writes gatesMet', () => {
    const s = inDelivery();
    const first = submit(s, submitCmd(people.supplier, 'interim'));
    const reportId = first.detail.reportId as string;
    expect(first.messages?.[0]).toMatchObject({ message: 'report-submitted' });
    expect(first.messages?.[0].recipients.map((r) => r.userId)).toEqual(
      expect.arrayContaining([people.chair.userId, people.wood.userId, people.officer.userId]),
    );

    const revise = review(s, reviewCmd(people.wood, reportId, 'revise', 'Say more about Birmingham.'));
    expect(revise.action).toBe('report-revision-requested');
    expect(revise.messages?.[0].recipients).toEqual([person(people.supplier)]);
    // The supplier must send a new version before anyone reviews again.
    expect(checkReviewReport(s, reviewCmd(people.chair, reportId, 'accept'))).toMatchObject({
      code: 'report-not-awaiting-review',
    });
    // A revision says what to change.
    submit(s, submitCmd(people.supplier, 'interim'));
    expect(checkReviewReport(s, reviewCmd(people.chair, reportId, 'revise', ''))).toMatchObject({
      code: 'invalid-input',
    });

    const accepted = review(s, reviewCmd(people.chair, reportId, 'accept'));
    expect(accepted.action).toBe('report-accepted');
    expect(s.reports![0]).toMatchObject({ status: 'accepted', acceptedVersion: 2, acceptedAt: AT });
    expect(s.gatesMet).toEqual({ 'interim-report-accepted': { at: AT, reportId, version: 2 } });
    expect(findDeadline(s.deadlines, 'interim-report')).toMatchObject({ closedReason: 'met' });
    expect(s.stage).toBe('in-delivery');
    expect(accepted.messages?.[0].recipients.map((r) => r.userId).sort()).toEqual(
      [people.supplier.userId, people.officer.userId].sort(),
    );
    expect(checkSubmitReport(s, submitCmd(people.supplier, 'interim'))).toMatchObject({
      code: 'report-already-accepted',
    });
  });

  it('the final report may come first but is accepted only after the interim; then completed', () => {
    const s = inDelivery();
    const final = submit(s, submitCmd(people.supplier, 'final')).detail.reportId as string;
    expect(checkReviewReport(s, reviewCmd(people.officer, final, 'accept'))).toMatchObject({
      code: 'interim-report-not-accepted',
    });
    const interim = submit(s, submitCmd(people.supplier, 'interim')).detail.reportId as string;
    review(s, reviewCmd(people.officer, interim, 'accept'));
    const done = review(s, reviewCmd(people.officer, final, 'accept'));
    expect(done.detail).toMatchObject({ completed: true, gateMet: 'final-report-accepted' });
    expect(s.stage).toBe('completed');
    expect(Object.keys(s.gatesMet!).sort()).toEqual(['final-report-accepted', 'interim-report-accepted']);
    expect(findDeadline(s.deadlines, 'final-report')).toMatchObject({ closedReason: 'met' });
  });

  it('the final report is not accepted while the contract details notice is owed (PA2023 s.53)', () => {
    const s = inDelivery('PA2023');
    const noticeDueAt = '2030-03-31T00:00:00.000Z';
    applyDeadlineChanges(s, [{ open: 'contract-notice', dueAt: noticeDueAt }], Date.parse(AT));
    const interim = submit(s, submitCmd(people.supplier, 'interim')).detail.reportId as string;
    review(s, reviewCmd(people.officer, interim, 'accept'));
    const final = submit(s, submitCmd(people.supplier, 'final')).detail.reportId as string;
    expect(checkReviewReport(s, reviewCmd(people.officer, final, 'accept'))).toMatchObject({
      code: 'contract-notice-owed',
      facts: { noticeDueAt },
    });
    // A revision may still be asked for; once the notice is published, the acceptance completes.
    expect(checkReviewReport(s, reviewCmd(people.officer, final, 'revise', 'More'))).toBeNull();
    const published = applyPublishContractNotice(s, { actor: people.officer }, AT)!;
    applyDeadlineChanges(s, published.deadlines ?? [], Date.parse(AT));
    expect(review(s, reviewCmd(people.officer, final, 'accept')).detail).toMatchObject({ completed: true });
  });

  it('a repeated submission id changes nothing; versions are bounded', () => {
    const s = inDelivery();
    const cmd = submitCmd(people.supplier, 'interim');
    submit(s, cmd);
    expect(checkSubmitReport(s, cmd)).toBeNull();
    expect(applySubmitReport(s, cmd, AT)).toBeNull();
    for (let i = 1; i < 10; i++) submit(s, submitCmd(people.supplier, 'interim'));
    expect(checkSubmitReport(s, submitCmd(people.supplier, 'interim'))).toMatchObject({
      code: 'limit-reached',
    });
  });

  it('an unknown report is a 404 code', () => {
    expect(checkReviewReport(inDelivery(), reviewCmd(people.officer, uuid(5), 'accept'))).toMatchObject({
      code: 'no-such-report',
    });
  });
});

describe('overdue reports and who reads them', () => {
  it('a report still owed after its due date is overdue; once recorded the view says so too', () => {
    const s = inDelivery();
    const due = Date.parse(s.milestones.interimReportDueAt);
    expect(reportStandings(s, due - 1)[0]).toMatchObject({ kind: 'interim', overdue: false });
    expect(reportStandings(s, due + 1)[0]).toMatchObject({ overdue: true, status: 'not-submitted' });
    const change = markOverdue(s, 'interim', AT);
    expect(change).toMatchObject({ action: 'report-overdue' });
    expect(s.overdueReports).toEqual({ interim: AT });
    expect(reportStandings(s, due - 1)[0].overdue).toBe(true);
    expect(markOverdue(s, 'interim', AT)).toBeNull();
  });

  it('staff and the contracted supplier read the reports; another supplier nothing', () => {
    const s = inDelivery();
    submit(s, submitCmd(people.supplier, 'interim'));
    expect(reportsFor(s, people.observer)).toHaveLength(1);
    expect(reportsFor(s, people.supplier)).toHaveLength(1);
    expect(reportsFor(s, people.rival)).toEqual([]);
    expect(viewFor(s, people.rival)).not.toHaveProperty('reports');
    expect(viewFor(s, people.supplier)).toHaveProperty('reports');
    expect(viewFor(s, people.wood)).toHaveProperty('reports');
  });
});
