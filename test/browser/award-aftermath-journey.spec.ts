import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { evaluating, scoreBid } from '../support/award';
import { launchBrowser, screenshot, seriousViolations, type Browser } from '../support/browser';
import { eventually } from '../support/eventually';
import { people, type TestUser } from '../support/people';
import { tendering } from '../support/tender';
import { startWorld, type World } from '../support/world';

jest.setTimeout(240_000);

/**
 * The pages after the tender is published: a clarification asked and answered, a legal challenge
 * recorded and lifted in the standstill, the contract notice, a bidder's own bid and assessment
 * summary, and the programme page, each in a real browser and checked with axe-core.
 */
describe('clarifications, standstill, contract and programme pages in the browser', () => {
  let world: World;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    world = await startWorld();
    const server = await world.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(10_000);
  });

  beforeEach(() => browser.context.clearCookies());

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function accessible(name: string): Promise<void> {
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
  }

  async function openAs(user: TestUser, path: string): Promise<void> {
    await browser.context.clearCookies();
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByLabel(user.name, { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}${path}`);
  }

  /** Reads the stage once a second (the API's rate limit counts every read) until it is `want`. */
  async function stageBecomes(id: string, want: string, within: number): Promise<void> {
    const read = () =>
      new Promise<string>((r) =>
        setTimeout(
          () =>
            r(
              world
                .as(people.officer)
                .get(`/v1/commissions/${id}`)
                .then((res) => res.body.stage),
            ),
          1000,
        ),
      );
    await eventually(read, (s) => s === want, within, `the stage to become ${want}`);
  }

  it('a supplier asks a question on the bid page, an officer answers it, another supplier reads the answer without the asker', async () => {
    const { id } = await tendering(world, 600, 900);
    await openAs(people.supplier, `/commissions/${id}/bid`);
    await page.getByRole('button', { name: 'Send your question' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter your question');
    await accessible('ask-with-errors');
    await page.fill('#question', 'May the study use Ofsted inspection data?');
    await page.getByRole('button', { name: 'Send your question' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=question-asked`);

    await openAs(people.officer, `/commissions/${id}`);
    await page.getByRole('button', { name: 'Answer clarification questions' }).click();
    await page.waitForURL(`${base}/commissions/${id}/clarifications`);
    expect(await page.locator('.govuk-summary-card__title').innerText()).toContain(people.supplier.name);
    await page.getByRole('button', { name: /^Publish the answer/ }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the answer');
    await accessible('clarifications-with-errors');
    await page.getByLabel('Your answer').fill('Yes: published inspection reports may be used.');
    await page.getByRole('button', { name: /^Publish the answer/ }).click();
    await page.waitForURL(`${base}/commissions/${id}/clarifications?answered`);
    expect(await page.locator('.app-answer').innerText()).toBe(
      'Yes: published inspection reports may be used.',
    );
    await accessible('clarifications');
    await screenshot(page, 'clarifications');

    await openAs(people.rival, `/commissions/${id}/bid`);
    expect(await page.locator('.app-answer').innerText()).toBe(
      'Yes: published inspection reports may be used.',
    );
    expect(await page.locator('main').innerText()).not.toContain(people.supplier.name);
    await accessible('bid-with-answers');
  });

  it('a challenge recorded and lifted in the standstill, the contract notice, and each bidder’s own summary; the programme page', async () => {
    const officer = world.as(people.officer);
    await officer
      .post('/v1/programmes', { id: 'browser-programme', name: 'Children’s services reviews' })
      .expect(201);
    const { id, bids, panel } = await evaluating(world, {
      panel: 1,
      bids: [
        [people.supplier, 47_000],
        [people.rival, 52_000],
      ],
      commission: { programmeId: 'browser-programme' },
    });
    await scoreBid(world, id, panel[0], bids[people.supplier.userId], 80, 70).expect(200);
    await scoreBid(world, id, panel[0], bids[people.rival.userId], 60, 60).expect(200);
    await officer
      .post(`/v1/commissions/${id}/award`, {
        bidId: bids[people.supplier.userId],
        rationale: 'The strongest method at the lower price.',
        voluntaryStandstill: 'PT60S',
      })
      .expect(200);

    await openAs(people.officer, `/commissions/${id}`);
    expect(await page.locator('#timeline-why').innerText()).not.toBe('');
    expect(await page.getByRole('table', { name: 'Notices issued, oldest first' }).innerText()).toContain(
      'Award',
    );
    await page.getByRole('button', { name: 'Standstill and legal challenges' }).click();
    await page.waitForURL(`${base}/commissions/${id}/challenges`);
    expect(await page.locator('#standstill-ends').innerText()).toMatch(
      /^The standstill ends at (\d{1,2}(:\d\d)?(am|pm)|midday|midnight), /,
    );
    await page.getByRole('button', { name: 'Record the challenge' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the challenge');
    await accessible('challenges-with-errors');
    await page.fill('#reason', 'A claim issued in the High Court by a bidder');
    await page.getByRole('button', { name: 'Record the challenge' }).click();
    await page.waitForURL(`${base}/commissions/${id}/challenges?done=recorded`);
    expect(await page.locator('#entry').innerText()).toContain('Entry into the contract is suspended');
    await accessible('challenges');
    await screenshot(page, 'challenges');
    await page.getByLabel('Why is challenge 1 lifted?').fill('The claim was withdrawn');
    await page.getByRole('button', { name: /^Lift the challenge/ }).click();
    await page.waitForURL(`${base}/commissions/${id}/challenges?done=lifted`);
    expect(await page.locator('#lifted-challenges').innerText()).toContain('The claim was withdrawn');
    await accessible('challenges-lifted');

    await openAs(people.rival, `/commissions/${id}`);
    await page.getByRole('button', { name: 'Your assessment summary' }).click();
    await page.waitForURL(`${base}/commissions/${id}/assessment`);
    expect(await page.locator('#outcome').innerText()).toContain(`awarded to ${people.supplier.name}`);
    expect(await page.locator('#rationale').innerText()).toBe('The strongest method at the lower price.');
    expect(await page.locator('#scores').innerText()).toContain('Method');
    await accessible('assessment');
    await screenshot(page, 'assessment');
    await page.goto(`${base}/commissions/${id}/your-bid`);
    expect(await page.locator('#your-price').innerText()).toContain('£52,000');
    await accessible('your-bid');

    await stageBecomes(id, 'in-delivery', 90_000);
    await openAs(people.officer, `/commissions/${id}`);
    expect(await page.locator('#contract ~ dl').first().innerText()).toContain(people.supplier.name);
    await page.getByRole('button', { name: 'Publish the contract notice' }).click();
    await page.waitForURL(`${base}/commissions/${id}/contract-notice`);
    await accessible('contract-notice');
    await page.getByRole('button', { name: 'Record the notice as published' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=contract-notice-published`);
    expect(await page.locator('#contract-notice').innerText()).toMatch(/was published at/);
    await accessible('commission-in-delivery');

    await page.getByRole('link', { name: 'browser-programme' }).click();
    await page.waitForURL(`${base}/programmes/browser-programme`);
    expect(await page.locator('#programme-commissions').innerText()).toContain('In delivery');
    await accessible('programme');
    await screenshot(page, 'programme');
  });
});
