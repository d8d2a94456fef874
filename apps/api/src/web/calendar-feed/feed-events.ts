import { deadlineCalendar, deadlineTitle, deadlineUid, type DeadlineEvent } from '@app/calendar';
import { londonWhen, type CommissionView } from '@app/contracts';

/** Each open deadline of each commission, linked to its page: what a person's feed lists. */
export function feedEvents(views: CommissionView[], publicBaseUrl: string): string {
  const base = publicBaseUrl.replace(/\/$/, '');
  const events: DeadlineEvent[] = views.flatMap((view) =>
    (view.deadlines ?? [])
      .filter((d) => d.closedReason === null && d.metAt === null)
      .map((d) => {
        const url = `${base}/commissions/${encodeURIComponent(view.id)}`;
        return {
          uid: deadlineUid(view.id, d.milestone),
          sequence: d.version,
          title: deadlineTitle(d.milestone, view.title),
          description: `Due at ${londonWhen(d.dueAt)} (London time). Open it: ${url}`,
          dueAt: d.dueAt,
          url,
        };
      }),
  );
  return deadlineCalendar(events, 'Commissioning: my due dates');
}
