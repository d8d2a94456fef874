import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, type Browser } from '../support/browser';
import { drive } from '../support/drive';
import { CommissionFactory } from '../support/factories';
import { people, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

jest.setTimeout(240_000);

/**
 * Delivery's reports through the pages: the contracted supplier submits the interim report, the
 * chair asks for a revision, the supplier resubmits and the chair accepts; the final report is
 * submitted and accepted and the commission is completed. Every page is checked with axe-core.
 */
describe('reports in delivery in the browser', () => {
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

  const statusOf = (kind: 'interim' | 'final') =>
    page.locator(`#report-${kind} .govuk-tag`).first().innerText();

  it('interim submitted, sent back, resubmitted and accepted; final accepted → completed', async () => {
    // Below threshold, so a voluntary standstill of seconds brings the contract into force fast.
    const c = await drive(world)
      .opened({ factory: CommissionFactory.withPanel(2).unanimous().with({ estimatedValue: 50_000 }) })
      .submitted()
      .signedOff()
      .tendered({ closesIn: 6 })
      .closed([
        [people.supplier, 800],
        [people.rival, 1_000],
      ])
      .inDelivery();
    const reports = `/commissions/${c.id}/reports`;

    // The contracted supplier finds the form from the commission page.
    await openAs(people.supplier, `/commissions/${c.id}`);
    await page.getByRole('button', { name: 'Submit a report' }).click();
    await page.waitForURL(`${base}${reports}#submit`);
    expect(await statusOf('interim')).toBe('Awaited');
    await accessible('reports');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Select which report this is');
    expect(summary).toContain('Enter the report');
    await accessible('reports-with-errors');
    await page.getByLabel('Interim report').check();
    await page.fill(
      '#content',
      '# Interim report\n\nFirst findings.\n\n<script>alert(1)</script> [x](javascript:alert(1))',
    );
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}\?done=submitted$/);
    const reportPath = new URL(page.url()).pathname;
    expect(await page.locator('#report-status').innerText()).toContain('Submitted');
    // The markdown is rendered with its HTML escaped and the script link refused.
    const version1 = page.locator('#version-1');
    expect(await version1.locator('h3').innerText()).toBe('Interim report');
    expect(await version1.innerText()).toContain('<script>alert(1)</script>');
    expect(await version1.locator('script').count()).toBe(0);
    expect(await version1.locator('a[href^="javascript"]').count()).toBe(0);
    await accessible('report-submitted');

    // The final report may come early, but is accepted only after the interim: a refusal on the form.
    await page.goto(`${base}${reports}`);
    await page.getByLabel('Final report').check();
    await page.fill('#content', '# Final report\n\nAll of it.');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}\?done=submitted$/);
    const finalPath = new URL(page.url()).pathname;
    expect(finalPath).not.toBe(reportPath);
    await openAs(people.chair, finalPath);
    await page.getByLabel('Accept this version').check();
    await page.getByRole('button', { name: 'Send your review' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(
      /the final report is accepted only after the interim report has been/i,
    );
    await accessible('review-refused');

    // The chair sends it back from My tasks, with comments; a revision without them is refused.
    await openAs(people.chair, '/');
    // Other commissions may wait on the chair too: the task for this report links to its page.
    expect(await page.locator('main').innerText()).toContain('Review version 1 of the interim report');
    await page.locator(`a[href="${reportPath}"]`).click();
    await page.waitForURL(`${base}${reportPath}`);
    await page.getByLabel('Ask for a revision').check();
    await page.getByRole('button', { name: 'Send your review' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'Enter what the supplier should change',
    );
    await accessible('review-with-errors');
    await page.getByLabel('Ask for a revision').check();
    await page.fill('#comments', 'Say more about Birmingham.');
    await page.getByRole('button', { name: 'Send your review' }).click();
    await page.waitForURL(`${base}${reports}?done=revised`);
    expect(await statusOf('interim')).toBe('Revision requested');
    await accessible('reports-revision-requested');

    // The supplier reads the comments and sends a second version.
    await openAs(people.supplier, reportPath);
    expect(await page.locator('#review-history').innerText()).toContain('Say more about Birmingham.');
    await page.getByRole('button', { name: 'Submit a new version' }).click();
    await page.getByLabel('Interim report').check();
    await page.fill('#content', '# Interim report\n\nMore on Birmingham.');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.waitForURL(`${base}${reportPath}?done=submitted`);
    expect(await page.locator('#version-2').innerText()).toContain('More on Birmingham.');

    // The chair accepts version 2.
    await openAs(people.chair, reportPath);
    expect(await page.getByRole('heading', { name: 'Review version 2' }).count()).toBe(1);
    await screenshot(page, 'report-review');
    await page.getByLabel('Accept this version').check();
    await page.getByRole('button', { name: 'Send your review' }).click();
    await page.waitForURL(`${base}${reports}?done=accepted`);
    expect(await statusOf('interim')).toBe('Accepted');
    expect(await page.locator('#report-interim').innerText()).toContain('2');

    // The contract details notice first (completing would leave it unpublished), then the final
    // report, accepted now: the commission is completed.
    await c.as(people.officer).post('/contract/notice').expect(200);
    await openAs(people.chair, finalPath);
    await page.getByLabel('Accept this version').check();
    await page.getByRole('button', { name: 'Send your review' }).click();
    await page.waitForURL(`${base}${reports}?done=accepted`);
    expect(await page.locator('#completed').innerText()).toContain('the commission is completed');
    expect(await statusOf('final')).toBe('Accepted');
    expect(await page.getByRole('button', { name: 'Submit the report' }).count()).toBe(0);
    await accessible('reports-completed');
    await screenshot(page, 'reports');

    // Once completed, the commission page still links to the reports.
    await page.goto(`${base}/commissions/${c.id}`);
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await page.waitForURL(`${base}${reports}`);
    await accessible('reports-after-completion');
  });
});
