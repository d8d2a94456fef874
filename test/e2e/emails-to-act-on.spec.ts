import request from 'supertest';
import { CommissionFactory } from '../support/factories';
import { people } from '../support/people';
import { startSmtpReceiver, type Mail, type SmtpReceiver } from '../support/receivers';
import { startWorld, type World } from '../support/world';

/** RFC 5545 §3.1: long lines are folded with a CRLF and one space or tab. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/**
 * The London time as people write it, worked out independently of the service (with Intl's time
 * zone data): "4:05pm, Thursday 26 November 2026".
 */
function expectedLondon(iso: string): string {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...options }).formatToParts(new Date(iso));
  const clock = Object.fromEntries(
    part({ hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).map((p) => [p.type, p.value]),
  );
  const [h, m] = [Number(clock.hour), Number(clock.minute)];
  const time =
    h === 12 && m === 0
      ? 'midday'
      : h === 0 && m === 0
        ? 'midnight'
        : `${h % 12 === 0 ? 12 : h % 12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`;
  const date = Object.fromEntries(
    part({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).map((p) => [p.type, p.value]),
  );
  return `${time}, ${date.weekday} ${date.day} ${date.month} ${date.year}`;
}

const utcStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe('emails people can act on', () => {
  let world: World;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    world = await startWorld({ notifications: { smtpUrl: smtp.url } });
  });
  afterAll(async () => {
    await world.stop();
    await smtp.close();
  });

  const site = () => world.config.notifications.publicBaseUrl.replace(/\/$/, '');

  async function waitForMail(match: (m: Mail) => boolean, ms: number): Promise<Mail> {
    const until = Date.now() + ms;
    for (;;) {
      const found = smtp.mails.find(match);
      if (found) return found;
      if (Date.now() > until)
        throw new Error(`no such mail within ${ms} ms; got ${smtp.mails.map((m) => m.subject).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('reminds each undecided member of the exact version, links to the sign-off form, and escalates naming who is outstanding', async () => {
    const officer = world.as(people.officer);
    const body = CommissionFactory.withPanel(3)
      .unanimous()
      .with({ reminderPolicy: { before: ['PT3S'], overdueEvery: 'PT1H' } })
      .build();
    const id: string = (await officer.post('/v1/commissions', body).expect(201)).body.id;
    await officer.put(`/v1/commissions/${id}/specification`, { content: '# v1' }).expect(200);
    await officer.put(`/v1/commissions/${id}/specification`, { content: '# v2, after comments' }).expect(200);
    const respondBy = new Date(Date.now() + 5000).toISOString();
    await officer.post(`/v1/commissions/${id}/specification/submit`, { respondBy }).expect(200);

    const reminder = await waitForMail((m) => m.notificationKey === `${id}:sign-off:v1:before:PT3S`, 15000);
    const when = expectedLondon(respondBy);
    expect(reminder.subject).toBe(
      `[Reminder] Decide on version 2 of the specification by ${when} — ${body.title}`,
    );
    expect(reminder.text).toContain(
      `You have not yet decided on version 2 of the specification of "${body.title}"`,
    );
    expect(reminder.text).toContain(`Due: ${when}`);
    expect(reminder.text).not.toMatch(/\d{1,2}:\d{2}:\d{2}/); // no seconds anywhere
    expect(reminder.text).toContain(`Open it: ${site()}/commissions/${id}/sign-off`);
    expect(reminder.text).not.toContain('/v1/');

    // The .ics puts the due date in the member's calendar, with the same link.
    expect(reminder.attachments).toHaveLength(1);
    const [invite] = reminder.attachments;
    expect(invite.filename).toBe('deadline.ics');
    expect(invite.contentType).toBe('text/calendar');
    const ics = unfold(invite.content);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:${id}.sign-off@commissioning`);
    expect(ics).toContain(`DTSTART:${utcStamp(respondBy)}`);
    expect(ics).toContain(`URL:${site()}/commissions/${id}/sign-off`);
    expect(ics).toContain(`SUMMARY:Panel sign-off of the specification — ${body.title}`);

    // The link works: a signed-out reader is sent to sign in and straight back to the form.
    const link = new URL(`${site()}/commissions/${id}/sign-off`);
    const visit = await request(world.app.getHttpServer()).get(link.pathname).expect(303);
    expect(visit.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(link.pathname)}`);

    // Alan Wood decides; the escalation names the two who have not.
    await world
      .as(people.wood)
      .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 2 })
      .expect(200);
    const escalation = await waitForMail((m) => m.notificationKey === `${id}:sign-off:v1:overdue:0`, 15000);
    expect(escalation.subject).toBe(
      `[Overdue] Panel sign-off of the specification was due ${when} — ${body.title}`,
    );
    const outstanding = /Still to decide on version 2: (.*)\./.exec(escalation.text)?.[1];
    expect(outstanding?.split(/, | and /).sort()).toEqual([people.chair.name, people.trowler.name].sort());
    expect(escalation.text).toContain(`Open it: ${site()}/commissions/${id}\n`);
    expect(escalation.attachments.map((a) => a.filename)).toEqual(['deadline.ics']);
  });

  it('gives each person a calendar feed of their open due dates, at an address only they are shown', async () => {
    const officer = world.as(people.officer);
    const body = CommissionFactory.withPanel(3).unanimous().build();
    const id: string = (await officer.post('/v1/commissions', body).expect(201)).body.id;
    await officer.put(`/v1/commissions/${id}/specification`, { content: '# v1' }).expect(200);
    const respondBy = '2031-01-15T17:00:00.000Z';
    await officer.post(`/v1/commissions/${id}/specification/submit`, { respondBy }).expect(200);

    const agent = request.agent(world.app.getHttpServer());
    const signIn = await agent.get('/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)![1];
    await agent
      .post('/sign-in/development')
      .type('form')
      .send({ _csrf: csrf, person: people.trowler.userId, returnTo: '/' })
      .expect(303);
    const tasks = await agent.get('/').expect(200);
    const address = /id="calendar-feed">([^<]+)</.exec(tasks.text)?.[1];
    expect(address).toMatch(
      new RegExp(`^${site().replace(/[.]/g, '\\.')}/calendar/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.ics$`),
    );

    const path = new URL(address!).pathname;
    const feed = await request(world.app.getHttpServer()).get(path).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = unfold(feed.text);
    expect(ics).toContain(`UID:${id}.sign-off@commissioning`);
    expect(ics).toContain('DTSTART:20310115T170000Z');
    expect(ics).toContain('Due at 5pm\\, Wednesday 15 January 2031 (London time)');
    expect(ics).toContain(`URL:${site()}/commissions/${id}`);

    // Someone not named on the commission does not see it; a forged address shows nothing.
    const outsider = await request(world.app.getHttpServer())
      .get(
        path.replace(
          Buffer.from(people.trowler.userId).toString('base64url'),
          Buffer.from(people.supplier.userId).toString('base64url'),
        ),
      )
      .expect(404);
    expect(outsider.headers['content-type']).toMatch(/problem\+json/);
    await request(world.app.getHttpServer()).get('/calendar/nonsense.ics').expect(404);
  });
});
