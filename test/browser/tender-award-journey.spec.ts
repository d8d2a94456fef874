import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, type Browser } from '../support/browser';
import { eventually } from '../support/eventually';
import { people, type TestUser } from '../support/people';
import { signedOff } from '../support/tender';
import { startWorld, type World } from '../support/world';

// The forms take times to the minute, so the tender closes up to three minutes after it is published.
jest.setTimeout(330_000);

/**
 * Issue 10's pages: an officer publishes the tender, a supplier bids, a panel member scores and the
 * officer awards, each through the web forms in a real browser, every page checked with axe-core.
 */
describe('a tender published, bid on, scored and awarded in the browser', () => {
  let world: World;
  let browser: Browser;
  let page: Page;
  let base: string;
  let id: string;

  beforeAll(async () => {
    world = await startWorld();
    const server = await world.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(10_000);
    id = await signedOff(world, { estimatedValue: 50_000 });
  });

  beforeEach(() => browser.context.clearCookies());

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function accessible(name: string): Promise<void> {
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
  }

  /** Opens a page signed out, signs in as `user` and comes straight back to it. */
  async function openAs(user: TestUser, path: string): Promise<void> {
    await page.goto(`${base}${path}`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByLabel(user.name, { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}${path}`);
  }

  async function fillDateTime(name: string, at: DateTime): Promise<void> {
    await page.fill(`#${name}-day`, String(at.day));
    await page.fill(`#${name}-month`, String(at.month));
    await page.fill(`#${name}-year`, String(at.year));
    await page.fill(`#${name}-time`, at.toFormat('HH:mm'));
  }

  const stage = async () =>
    (await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200)).body.stage;

  it('the officer publishes the tender from the commission page’s link', async () => {
    await openAs(people.officer, `/commissions/${id}`);
    await page.getByRole('button', { name: 'Publish the tender' }).click();
    await page.waitForURL(`${base}/commissions/${id}/tender`);
    await page.getByRole('button', { name: 'Publish the tender' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'Enter the date the tender closes',
    );
    await accessible('publish-tender-with-errors');
    const closes = DateTime.now().setZone('Europe/London').plus({ minutes: 3 }).startOf('minute');
    await fillDateTime('clarificationsCloseAt', closes.minus({ minutes: 1 }));
    await fillDateTime('closesAt', closes);
    await page.fill('#evaluationDays', '5');
    await accessible('publish-tender');
    await screenshot(page, 'publish-tender');
    await page.getByRole('button', { name: 'Publish the tender' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=tender-published`);
    expect(await stage()).toBe('tendering');
  });

  it('a supplier reads the tender and submits a sealed bid', async () => {
    await openAs(people.supplier, `/commissions/${id}/bid`);
    expect(await page.locator('#closes-at').innerText()).toMatch(/^Bids close at /);
    await page.getByRole('button', { name: 'Submit your sealed bid' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter your price in pounds');
    await accessible('bid-with-errors');
    await page.fill('#price', '47,000');
    await page.fill('#proposal', '# Our method\n\nInterviews with every director of children’s services.');
    await accessible('bid');
    await screenshot(page, 'bid');
    await page.getByRole('button', { name: 'Submit your sealed bid' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=bid-submitted`);
  });

  it('after the close the chair scores the bid on the evaluation page, with the due date shown', async () => {
    // Read once a second: the close is minutes away, and the API's rate limit counts every read.
    const slowly = () => new Promise<string>((r) => setTimeout(() => r(stage()), 1000));
    await eventually(slowly, (s) => s === 'evaluation', 240_000, 'the tender to close');
    await openAs(people.chair, `/commissions/${id}/evaluation`);
    expect(await page.locator('#scoring-due').innerText()).toMatch(/^Scores are due by /);
    expect(await page.locator('#outstanding').innerText()).toContain(people.chair.name);
    await page.getByRole('button', { name: /^Save scores for/ }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a score for Quality');
    await accessible('evaluation-with-errors');
    await page.getByLabel('Score for Quality (0 to 100)').fill('80');
    await page.getByLabel('Comment on Quality').fill('A sound method, well staffed.');
    await page.getByRole('button', { name: /^Save scores for/ }).click();
    await page.waitForURL(new RegExp(`/commissions/${id}/evaluation\\?scored=`));
    expect(await page.locator('#outstanding').innerText()).toContain('Nothing: every eligible member');
    expect(await page.locator('#scoring-due').innerText()).toMatch(/^Scoring was completed at /);
    await accessible('evaluation');
    await screenshot(page, 'evaluation');
  });

  it('the officer awards the contract with a voluntary standstill', async () => {
    await openAs(people.officer, `/commissions/${id}/award`);
    await page.getByRole('button', { name: 'Award the contract' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select the bid to award');
    await accessible('award-with-errors');
    await page.getByLabel(people.supplier.name).check();
    await page.fill('#rationale', 'The only bid, and a sound one.');
    await page.fill('#voluntaryStandstill', 'PT30S');
    await accessible('award');
    await screenshot(page, 'award');
    await page.getByRole('button', { name: 'Award the contract' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=awarded`);
    expect(await stage()).toBe('standstill');
  });
});
