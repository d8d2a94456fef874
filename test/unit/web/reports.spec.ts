import type { CommissionView } from '@app/contracts';
import type { ReportWithContents } from '../../../apps/api/src/commissions/reports/report-reading';
import { commissionPage } from '../../../apps/api/src/web/presenters/commission-page';
import { reportPage, reportsPage } from '../../../apps/api/src/web/presenters/reports';
import { tasksIn } from '../../../apps/api/src/tasks/task';
import { applyDeadlineChanges } from '../../../workflows/commission/kernel/deadline-book';
import { applyReviewReport, applySubmitReport } from '../../../workflows/commission/stages/delivery';
import { people } from '../fixtures';
import { inDelivery } from '../stages/steps';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = '2030-03-10T10:00:00.000Z';
const before = (iso: string) => new Date(Date.parse(iso) - 86_400_000);

function submit(s: CommissionView, kind: 'interim' | 'final', n: number): string {
  applySubmitReport(
    s,
    { actor: people.supplier, kind, submissionId: uuid(n), contentHash: `sha256:${n}`, size: 10 },
    AT,
  );
  return s.reports!.find((r) => r.kind === kind)!.reportId;
}

function review(s: CommissionView, reportId: string, decision: 'accept' | 'revise', comments = '') {
  const change = applyReviewReport(s, { actor: people.chair, reportId, decision, comments }, AT);
  applyDeadlineChanges(s, change.deadlines ?? [], Date.parse(AT));
}

const withContents = (s: CommissionView, reportId: string, content: (v: number) => string | null) => {
  const report = s.reports!.find((r) => r.reportId === reportId)!;
  return {
    ...report,
    versions: report.versions.map((v) => ({ ...v, content: content(v.version) })),
  } as ReportWithContents;
};

describe('the reports pages', () => {
  it('lists both reports, awaited, with their London due dates, and offers the supplier both to submit', () => {
    const s = inDelivery();
    const page = reportsPage(s, people.supplier, before(s.milestones.interimReportDueAt));
    expect(page.rows.map((r) => [r.name, r.status.text, r.overdue, r.versions, r.href])).toEqual([
      ['Interim report', 'Awaited', false, 0, null],
      ['Final report', 'Awaited', false, 0, null],
    ]);
    expect(page.rows[0].due).toMatch(/^(\d{1,2}(:\d\d)?(am|pm)|midday|midnight), \w+day \d{1,2} \w+ \d{4}$/);
    expect(page.rows[0].dueIn).toBe('due tomorrow');
    expect(page.submittable.map((k) => k.value)).toEqual(['interim', 'final']);
    expect(page.completed).toBe(false);
  });

  it('marks a report still owed after its due date as overdue', () => {
    const s = inDelivery();
    const after = new Date(Date.parse(s.milestones.interimReportDueAt) + 2 * 86_400_000);
    const [interim] = reportsPage(s, people.officer, after).rows;
    expect(interim.overdue).toBe(true);
    expect(interim.dueIn).toBe('2 days overdue');
  });

  it('shows a report sent back as revision requested, and its history with the comments', () => {
    const s = inDelivery();
    const rid = submit(s, 'interim', 1);
    review(s, rid, 'revise', 'Say more about Birmingham.');
    submit(s, 'interim', 2);
    const now = before(s.milestones.interimReportDueAt);
    const [interim] = reportsPage(s, people.observer, now).rows;
    expect(interim).toMatchObject({
      status: { text: 'Submitted' },
      versions: 2,
      href: `/commissions/${s.id}/reports/${rid}`,
    });
    // Observers read but neither submit nor review.
    expect(reportsPage(s, people.observer, now).submittable).toEqual([]);

    const page = reportPage(withContents(s, rid, (v) => `# Version ${v}`));
    expect(page.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(page.awaitingVersion).toBe(2);
    expect(page.reviews).toEqual([
      expect.objectContaining({
        version: 1,
        decision: 'Revision requested',
        by: people.chair.name,
        comments: 'Say more about Birmingham.',
      }),
    ]);
    expect(page.versions[1].review).toMatchObject({ decision: 'Revision requested' });
  });

  it('renders a version’s markdown with HTML escaped and script links refused', () => {
    const s = inDelivery();
    const rid = submit(s, 'interim', 1);
    const page = reportPage(
      withContents(s, rid, () => '# Findings\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))'),
    );
    const { html } = page.versions[0];
    expect(html).toContain('<h3 class="govuk-heading-m">Findings</h3>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript');
  });

  it('says when a version’s text is missing rather than showing nothing', () => {
    const s = inDelivery();
    const rid = submit(s, 'interim', 1);
    expect(reportPage(withContents(s, rid, () => null)).versions[0].html).toContain('not available');
  });

  it('once both are accepted: completed, nothing to submit, and the commission page still links to the reports', () => {
    const s = inDelivery();
    review(s, submit(s, 'interim', 1), 'accept');
    review(s, submit(s, 'final', 2), 'accept');
    expect(s.stage).toBe('completed');
    const page = reportsPage(s, people.supplier, new Date(AT));
    expect(page.completed).toBe(true);
    expect(page.rows.map((r) => r.status.text)).toEqual(['Accepted', 'Accepted']);
    expect(page.submittable).toEqual([]);
    const commission = commissionPage(s, people.officer, {
      history: [],
      specification: null,
      now: new Date(AT),
    });
    expect(commission.actions).toContainEqual({ text: 'Reports', href: `/commissions/${s.id}/reports` });
  });

  it('links the commission page and My tasks to the reports pages', () => {
    const s = inDelivery();
    const now = before(s.milestones.interimReportDueAt);
    const supplierLinks = commissionPage(s, people.supplier, {
      history: [],
      specification: null,
      now,
    }).actions;
    expect(supplierLinks).toContainEqual({
      text: 'Submit a report',
      href: `/commissions/${s.id}/reports#submit`,
    });
    expect(tasksIn(s, people.supplier, now).find((t) => t.kind === 'submit-report')?.path).toBe(
      `/commissions/${s.id}/reports`,
    );
    const rid = submit(s, 'interim', 1);
    expect(tasksIn(s, people.chair, now).find((t) => t.kind === 'review-report')?.path).toBe(
      `/commissions/${s.id}/reports/${rid}`,
    );
    // Another supplier is offered nothing here.
    expect(commissionPage(s, people.rival, { history: [], specification: null, now }).actions).toEqual([]);
  });
});
