import type { DeadlineNotification, MessageNotification } from '@app/contracts';
import { render } from '../../activities/notifications/render';

const base = {
  commissionId: '0b7c7e0e-8a43-4d6e-9d1f-2f4f3c6c1a10',
  commissionTitle: 'Study: improvement capacity',
  scheduledFor: '2030-01-10T09:00:00.000Z',
  recipients: [],
};

describe('rendering a notification', () => {
  it('says what is due, when, and links to the commission', () => {
    const n: DeadlineNotification = {
      ...base,
      key: 'k1',
      milestone: 'sign-off',
      deadlineVersion: 1,
      kind: 'reminder',
      offset: 'before:P1D',
      dueAt: '2030-01-11T17:00:00.000Z',
    };
    const r = render(n, 'https://commissioning.example.gov.uk/');
    expect(r.subject).toBe(
      '[Reminder] Panel sign-off of the specification is due Fri, 11 Jan 2030 17:00:00 UTC — Study: improvement capacity',
    );
    expect(r.link).toBe(`https://commissioning.example.gov.uk/v1/commissions/${base.commissionId}`);
    expect(r.body).toContain('Reference: k1');
  });

  it('marks an escalation overdue', () => {
    const n: DeadlineNotification = {
      ...base,
      key: 'k2',
      milestone: 'final-report',
      deadlineVersion: 2,
      kind: 'escalation',
      offset: 'overdue:0',
      dueAt: '2030-09-30T16:00:00.000Z',
    };
    expect(render(n, 'http://x').subject).toMatch(/^\[Overdue\] The final report was due/);
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
  });
});
