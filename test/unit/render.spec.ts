import type { DeadlineNotification, MessageNotification } from '@app/contracts';
import { render } from '../../activities/notifications/render';

const base = {
  commissionId: '0b7c7e0e-8a43-4d6e-9d1f-2f4f3c6c1a10',
  commissionTitle: 'Study: improvement capacity',
  scheduledFor: '2030-01-10T09:00:00.000Z',
  recipients: [],
};
const site = 'https://commissioning.example.gov.uk/';
const page = `https://commissioning.example.gov.uk/commissions/${base.commissionId}`;

const signOff = (over: Partial<DeadlineNotification>): DeadlineNotification => ({
  ...base,
  key: 'k1',
  milestone: 'sign-off',
  deadlineVersion: 1,
  kind: 'reminder',
  offset: 'before:P1D',
  dueAt: '2027-01-15T17:00:00.000Z',
  ...over,
});

describe('rendering a notification', () => {
  it('tells a panel member which version they have not decided on, by when, and links to the sign-off form', () => {
    const r = render(signOff({ specificationVersion: 3 }), site);
    expect(r.subject).toBe(
      '[Reminder] Decide on version 3 of the specification by 5pm, Friday 15 January 2027 — Study: improvement capacity',
    );
    expect(r.body).toContain(
      'You have not yet decided on version 3 of the specification of "Study: improvement capacity"',
    );
    expect(r.body).toContain('Due: 5pm, Friday 15 January 2027');
    expect(r.link).toBe(`${page}/sign-off`);
    expect(r.body).toContain(`Open it: ${page}/sign-off`);
    expect(r.body).not.toContain('/v1/');
    expect(r.body).toContain('Reference: k1');
  });

  it('still says what is awaited for a request recorded before the version was carried', () => {
    expect(render(signOff({}), site).subject).toMatch(/^\[Reminder\] Decide on the specification by 5pm, /);
  });

  it('writes summer times in London time (BST), without seconds', () => {
    const r = render(signOff({ dueAt: '2027-06-30T09:30:45.000Z', specificationVersion: 1 }), site);
    expect(r.body).toContain('Due: 10:30am, Wednesday 30 June 2027');
  });

  it('names the panel members still to decide in a sign-off escalation, linking to the commission page', () => {
    const r = render(
      signOff({
        kind: 'escalation',
        offset: 'overdue:0',
        specificationVersion: 2,
        outstanding: ['Alan Wood', 'Isabelle Trowler'],
      }),
      site,
    );
    expect(r.subject).toBe(
      '[Overdue] Panel sign-off of the specification was due 5pm, Friday 15 January 2027 — Study: improvement capacity',
    );
    expect(r.body).toContain('Still to decide on version 2: Alan Wood and Isabelle Trowler.');
    expect(r.link).toBe(page);
  });

  it('marks any other escalation overdue at midday or midnight as people write them', () => {
    const n: DeadlineNotification = {
      ...base,
      key: 'k2',
      milestone: 'final-report',
      deadlineVersion: 2,
      kind: 'escalation',
      offset: 'overdue:0',
      dueAt: '2030-09-30T11:00:00.000Z',
    };
    const r = render(n, 'http://x');
    expect(r.subject).toBe(
      '[Overdue] The final report was due midday, Monday 30 September 2030 — Study: improvement capacity',
    );
    expect(r.body).not.toContain('Still to decide');
    // Where the report is submitted and its due date and status read.
    expect(r.link).toBe(`http://x/commissions/${base.commissionId}/reports`);
  });

  it('links each report message to the report’s own page', () => {
    const reportId = '00000000-0000-4000-8000-000000000007';
    for (const message of ['report-submitted', 'report-revision-requested', 'report-accepted'] as const) {
      const n: MessageNotification = {
        ...base,
        topic: 'message',
        key: `k-${message}`,
        message,
        facts: { reportId, kind: 'interim', version: '1', by: 'Chris Chair', comments: 'More' },
      };
      expect(render(n, 'http://x/').link).toBe(
        `http://x/commissions/${base.commissionId}/reports/${reportId}`,
      );
    }
  });

  it('renders a message from its facts, without a due date', () => {
    const n: MessageNotification = {
      ...base,
      topic: 'message',
      key: 'k3',
      message: 'commission-cancelled',
      facts: { reason: 'Priorities changed', by: 'Olivia Officer' },
    };
    const r = render(n, 'http://x');
    expect(r.subject).toBe('[Cancelled] Study: improvement capacity');
    expect(r.body).toContain('was cancelled by Olivia Officer: Priorities changed.');
    expect(r.body).not.toContain('Due:');
    expect(r.link).toBe(`http://x/commissions/${base.commissionId}`);
  });

  it('writes the time a tender closed in London time', () => {
    const n: MessageNotification = {
      ...base,
      topic: 'message',
      key: 'k4',
      message: 'tender-closed',
      facts: { closedAt: '2027-03-01T00:00:00.000Z', bids: '2' },
    };
    expect(render(n, 'http://x').body).toContain('closed at midnight, Monday 1 March 2027 with 2 bid(s)');
  });
});
