import type { WebConfig } from '@app/config';
import { CalendarTokens } from '../../../apps/api/src/web/calendar-feed/calendar-token';
import { feedEvents } from '../../../apps/api/src/web/calendar-feed/feed-events';
import { ViewFixture } from './view-fixture';

/** RFC 5545 §3.1: long lines are folded with a CRLF and one space or tab. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const config = (secret: string) => ({ session: { secret } }) as WebConfig;

describe('calendar feed addresses', () => {
  const tokens = new CalendarTokens(config('a-session-secret-of-at-least-32-chars!!'));

  it('names the person it was made for, and only with the same secret', () => {
    const token = tokens.tokenFor('isabelle.trowler');
    expect(tokens.userOf(token)).toBe('isabelle.trowler');
    expect(new CalendarTokens(config('another-secret-of-at-least-32-characters')).userOf(token)).toBeNull();
  });

  it('refuses a token whose user id was swapped for another', () => {
    const [, mac] = tokens.tokenFor('isabelle.trowler').split('.');
    const forged = `${Buffer.from('alan.wood').toString('base64url')}.${mac}`;
    expect(tokens.userOf(forged)).toBeNull();
    expect(tokens.userOf('alan.wood')).toBeNull();
    expect(tokens.userOf('')).toBeNull();
  });
});

describe('a person calendar feed', () => {
  it('lists each open deadline once, at its due time in UTC, linked to the commission page', () => {
    const view = ViewFixture.drafting().withVersion(1).inReview('2027-01-15T17:00:00.000Z').view;
    const ics = unfold(feedEvents([view], 'https://commissioning.example.gov.uk/'));
    const open = (view.deadlines ?? []).filter((d) => d.closedReason === null);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(open.length);
    expect(ics).toContain('X-WR-CALNAME:Commissioning: my due dates');
    expect(ics).toContain(`UID:${view.id}.sign-off@commissioning`);
    expect(ics).toContain('DTSTART:20270115T170000Z');
    expect(ics).toContain(`URL:https://commissioning.example.gov.uk/commissions/${view.id}`);
    expect(ics).toContain('Due at 5pm\\, Friday 15 January 2027 (London time)');
  });

  it('leaves out deadlines that were met or cancelled', () => {
    const view = ViewFixture.drafting().withVersion(1).inReview('2027-01-15T17:00:00.000Z').view;
    view.deadlines = view.deadlines!.map((d) =>
      d.milestone === 'sign-off'
        ? { ...d, metAt: '2027-01-10T10:00:00.000Z', closedReason: 'met' as const }
        : d,
    );
    const ics = feedEvents([view], 'http://x');
    expect(ics).not.toContain(`UID:${view.id}.sign-off@commissioning`);
  });

  it('is a valid empty calendar for someone with no open commissions', () => {
    const ics = feedEvents([], 'http://x');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});
