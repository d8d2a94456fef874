import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { CAST } from '../../apps/api/src/web/sign-in/cast';
import { drive } from '../support/drive';
import { CommissionFactory, inOneHour } from '../support/factories';
import { people, type TestUser } from '../support/people';
import { daysFromNow } from '../support/tender';
import { startWorld, type World } from '../support/world';

const HTML = /text\/html/;

/** The server-rendered pages over HTTP (forms, sessions, refusals); the browser tests drive them too. */
describe('web pages', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  /** A browser-like client: keeps its cookies, reads each form's token from the page it got. */
  async function signedIn(user: TestUser) {
    const agent = request.agent(world.app.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    await agent
      .post('/sign-in/development')
      .type('form')
      .send({ _csrf: tokenIn(page.text), person: user.userId, returnTo: '/' })
      .expect(303);
    return agent;
  }

  const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

  async function open(): Promise<string> {
    const body = CommissionFactory.withPanel(3).quorum(2, true).build();
    return (await world.as(people.officer).post('/v1/commissions', body).expect(201)).body.id;
  }

  describe('signing in', () => {
    it('sends a visitor to sign in and straight back to the page they asked for', async () => {
      const agent = request.agent(world.app.getHttpServer());
      const first = await agent.get('/commissions?stage=drafting').expect(303);
      expect(first.headers.location).toBe('/sign-in?returnTo=%2Fcommissions%3Fstage%3Ddrafting');
      const page = await agent.get(first.headers.location).expect(200);
      expect(page.text).toContain('Development sign-in — not available in production');
      const signIn = await agent
        .post('/sign-in/development')
        .type('form')
        .send({
          _csrf: tokenIn(page.text),
          person: people.chair.userId,
          returnTo: '/commissions?stage=drafting',
        })
        .expect(303);
      expect(signIn.headers.location).toBe('/commissions?stage=drafting');
      const cookie = String(signIn.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/); // plain http on this machine only
      const list = await agent.get('/commissions?stage=drafting').expect(200);
      expect(list.headers['content-type']).toMatch(HTML);
      expect(list.text).toContain('Julian Le Grand');
    });

    it('goes back only to a path on this site', async () => {
      const agent = request.agent(world.app.getHttpServer());
      const page = await agent.get('/sign-in').expect(200);
      const res = await agent
        .post('/sign-in/development')
        .type('form')
        .send({ _csrf: tokenIn(page.text), person: people.chair.userId, returnTo: '//evil.example/x' })
        .expect(303);
      expect(res.headers.location).toBe('/');
    });

    it('refuses a form without the session’s token, and someone not in the cast', async () => {
      const agent = request.agent(world.app.getHttpServer());
      const page = await agent.get('/sign-in').expect(200);
      const forged = await agent
        .post('/sign-in/development')
        .type('form')
        .send({ _csrf: 'not-the-token', person: people.officer.userId })
        .expect(403);
      expect(forged.text).toContain('This form has expired');
      const unknown = await agent
        .post('/sign-in/development')
        .type('form')
        .send({ _csrf: tokenIn(page.text), person: 'someone.else' })
        .expect(400);
      expect(unknown.text).toContain('There is a problem');
      expect(unknown.text).toContain('href="#person"');
    });

    it('signs out, after which the pages ask to sign in again', async () => {
      const agent = await signedIn(people.wood);
      const tasks = await agent.get('/').expect(200);
      await agent
        .post('/sign-out')
        .type('form')
        .send({ _csrf: tokenIn(tasks.text) })
        .expect(303);
      await agent.get('/').expect(303);
    });
  });

  describe('forms', () => {
    it('drafts, submits and signs off a specification through the forms, as the JSON API would', async () => {
      const id = await open();
      const officer = await signedIn(people.officer);
      const edit = await officer.get(`/commissions/${id}/specification/edit`).expect(200);
      const saved = await officer
        .post(`/commissions/${id}/specification/edit`)
        .type('form')
        .send({ _csrf: tokenIn(edit.text), content: '# Scope\r\n\r\nThe study.' })
        .expect(303);
      expect(saved.headers.location).toBe(`/commissions/${id}?done=specification-saved`);
      const submit = await officer.get(`/commissions/${id}/submit`).expect(200);
      await officer
        .post(`/commissions/${id}/submit`)
        .type('form')
        .send({
          _csrf: tokenIn(submit.text),
          'respondBy-day': '15',
          'respondBy-month': '1',
          'respondBy-year': String(new Date().getUTCFullYear() + 1),
          'respondBy-time': '5pm',
        })
        .expect(303);

      for (const member of [people.chair, people.trowler]) {
        const agent = await signedIn(member);
        const form = await agent.get(`/commissions/${id}/sign-off`).expect(200);
        expect(form.text).toContain('<h3 class="govuk-heading-m">Scope</h3>');
        await agent
          .post(`/commissions/${id}/sign-off`)
          .type('form')
          .send({ _csrf: tokenIn(form.text), decision: 'approve', specificationVersion: '1' })
          .expect(303);
      }
      const json = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
      expect(json.body).toMatchObject({ stage: 'signed-off', specification: { currentVersion: 1 } });
      const page = await officer.get(`/commissions/${id}`).expect(200);
      expect(page.text).toContain('Signed off');
      expect(page.text).toContain('The specification is signed off');
    });

    it('shows what is wrong in a GOV.UK error summary linked to the field', async () => {
      const id = await open();
      const officer = await signedIn(people.officer);
      await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: 'Text' })
        .expect(200);
      const form = await officer.get(`/commissions/${id}/submit`).expect(200);
      const res = await officer
        .post(`/commissions/${id}/submit`)
        .type('form')
        .send({
          _csrf: tokenIn(form.text),
          'respondBy-day': '15',
          'respondBy-month': '',
          'respondBy-year': '',
        })
        .expect(400);
      expect(res.text).toContain('<title>Error: ');
      expect(res.text).toContain('govuk-error-summary');
      expect(res.text).toContain('href="#respondBy-month"');
      expect(res.text).toContain('The date must include a month and year');
      expect(res.text).toMatch(/name="respondBy-day"[^>]*value="15"/);
    });

    it('refuses a deadline moved, or a sign-off asked for, beyond the years the bank-holiday calendar covers', async () => {
      const id = await open();
      const officer = await signedIn(people.officer);
      const form = await officer.get(`/commissions/${id}/deadlines/move`).expect(200);
      const res = await officer
        .post(`/commissions/${id}/deadlines/move`)
        .type('form')
        .send({
          _csrf: tokenIn(form.text),
          milestone: 'final-report',
          'dueAt-day': '5',
          'dueAt-month': '5',
          'dueAt-year': '2099',
          'dueAt-time': '5pm',
          reason: 'Much later',
        })
        .expect(400);
      expect(res.text).toContain('href="#dueAt-day"');
      expect(res.text).toContain(
        'Enter a date from 2010 to 2040, the years the bank-holiday calendar covers',
      );

      await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: 'Text' })
        .expect(200);
      const submit = await officer.get(`/commissions/${id}/submit`).expect(200);
      const refused = await officer
        .post(`/commissions/${id}/submit`)
        .type('form')
        .send({
          _csrf: tokenIn(submit.text),
          'respondBy-day': '2',
          'respondBy-month': '3',
          'respondBy-year': '2041',
          'respondBy-time': '5pm',
        })
        .expect(400);
      expect(refused.text).toContain('href="#respondBy-day"');
      expect(refused.text).toContain(
        'Enter a date from 2010 to 2040, the years the bank-holiday calendar covers',
      );
    });

    it('puts the service’s refusal in the error summary: a decision on a version no longer under review', async () => {
      const id = await open();
      await world
        .as(people.officer)
        .put(`/v1/commissions/${id}/specification`, { content: 'v1' })
        .expect(200);
      await world
        .as(people.officer)
        .post(`/v1/commissions/${id}/specification/submit`, { respondBy: inOneHour() })
        .expect(200);
      const chair = await signedIn(people.chair);
      const form = await chair.get(`/commissions/${id}/sign-off`).expect(200);
      const res = await chair
        .post(`/commissions/${id}/sign-off`)
        .type('form')
        .send({ _csrf: tokenIn(form.text), decision: 'approve', specificationVersion: '7' })
        .expect(409);
      expect(res.text).toContain('govuk-error-summary');
      expect(res.text).toContain('Specification version 7 is not under review; version 1 is');
      expect(res.text).toContain('href="#decision"');
    });

    it('answers with pages, not JSON, for what a person may not do or see', async () => {
      const id = await open();
      const outsider = await signedIn(people.outsider);
      const forbidden = await outsider.get(`/commissions/${id}/cancel`).expect(403);
      expect(forbidden.headers['content-type']).toMatch(HTML);
      expect(forbidden.text).toContain('You cannot do this');
      const officer = await signedIn(people.officer);
      const early = await officer.get(`/commissions/${id}/sign-off`).expect(403);
      expect(early.text).toContain('You cannot do this');
      const supplier = await signedIn(people.supplier);
      const hidden = await supplier.get(`/commissions/${id}`).expect(404);
      expect(hidden.text).toContain('Page not found');
      await officer.get('/commissions/not-a-commission').expect(404);
    });

    it('shows a supplier the published tender as the JSON API would: no panel, history or drafts', async () => {
      const c = await drive(world)
        .opened({ factory: CommissionFactory.withPanel(1).unanimous() })
        .drafted({ content: '# Scope\n\nA first draft the panel never saw.' })
        .drafted({ content: '# Scope\n\nThe tender document.' })
        .submitted()
        .signedOff();
      const staffView = await c.view();
      await c
        .as(people.officer)
        .post('/tender', {
          closesAt: daysFromNow(30),
          clarificationsCloseAt: daysFromNow(20),
          criteria: [{ name: 'Quality', kind: 'quality', weight: 100 }],
        })
        .expect(200);
      const supplier = await signedIn(people.supplier);
      const page = (await supplier.get(`/commissions/${c.id}`).expect(200)).text;
      expect(page).toContain('The tender document.');
      expect(page).toContain('The tender document: version 2 of the specification.');
      for (const secret of [
        staffView.panel[0].name,
        people.officer.name,
        'A first draft',
        '>History<',
        '>Deadlines<',
      ]) {
        expect(page).not.toContain(secret);
      }
      // The tender document's own version page opens; the draft before it does not.
      await supplier.get(`/commissions/${c.id}/specification/versions/2`).expect(200);
      await supplier.get(`/commissions/${c.id}/specification/versions/1`).expect(404);
      // Staff still see all of it.
      const officer = await signedIn(people.officer);
      const staffPage = (await officer.get(`/commissions/${c.id}`).expect(200)).text;
      expect(staffPage).toContain(staffView.panel[0].name);
      expect(staffPage).toContain('>History<');
    });
  });

  it('leaves the JSON API as it was: a session cookie is no bearer token', async () => {
    const agent = await signedIn(people.officer);
    const res = await agent.get('/v1/commissions').expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const form = await agent
      .post('/v1/commissions')
      .set('Authorization', `Bearer ${'x'}`)
      .type('form')
      .send({ title: 'x' })
      .expect(401);
    expect(form.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('serves GOV.UK Frontend’s compiled assets, and nothing else of the package', async () => {
    const css = await world.anonymous.get('/assets/govuk-frontend.min.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const js = await world.anonymous.get('/assets/govuk-frontend.min.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    await world.anonymous.get('/assets/images/favicon.svg').expect(200);
    await world.anonymous.get('/assets/app/application.css').expect(200);
    await world.anonymous.get('/assets/govuk/template.njk').expect(404);
  });

  it('offers the cast of the letter and the tests on the development sign-in page', async () => {
    const page = await world.anonymous.get('/sign-in').expect(200);
    for (const person of Object.values(CAST)) expect(page.text).toContain(`value="${person.userId}"`);
  });
});

describe('web pages in production', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it('refuses the development sign-in (404) and sends people to the identity provider instead', async () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-value',
      JWT_ISSUER: 'https://login.example.gov.uk/realms/staff',
      JWT_AUDIENCE: 'commissioning',
      PUBLIC_BASE_URL: 'https://commissioning.example.gov.uk',
      SESSION_SECRET: 's'.repeat(40),
      // Production accepts sealed bids only under a key of its own (see the tender stage).
      BID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      // Nothing listens here: discovery fails, and that must show an error page, not the picker.
      OIDC_ISSUER: 'https://127.0.0.1:1/realms/staff',
      OIDC_CLIENT_ID: 'commissioning',
    });
    const app = await createApp();
    await app.init();
    try {
      const http = request(app.getHttpServer());
      const refused = await http
        .post('/sign-in/development')
        .type('form')
        .send({ person: people.officer.userId });
      expect(refused.status).toBe(404);
      expect(refused.text).toContain('Page not found');
      const page = await http.get('/sign-in').expect(503);
      expect(page.text).toContain('Sign-in is not available at the moment');
      expect(page.text).not.toContain('Development sign-in');
      // An answer from the provider with no sign-in started here is refused, in a Secure cookie session.
      const callback = await http.get('/sign-in/callback?code=x&state=y').expect(400);
      expect(callback.text).toContain('You have not been signed in');
      expect(String(callback.headers['set-cookie'])).toMatch(/^__Host-commissioning-session=.*; Secure/);
    } finally {
      await app.close();
    }
  });
});
