import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, type Browser } from '../support/browser';
import { CommissionFactory } from '../support/factories';
import { people, type TestUser } from '../support/people';
import { startWorld, type World } from '../support/world';

jest.setTimeout(120_000);

/**
 * The done-when of the web pages: people of each role sign in in a real browser, see what waits on
 * them, and a specification is written, submitted and signed off through the forms. Every page
 * visited is checked with axe-core; the main ones are saved to docs/screenshots for the README.
 */
describe('a specification signed off in the browser', () => {
  let world: World;
  let browser: Browser;
  let page: Page;
  let base: string;
  let id: string;
  const title = 'Study: creating and promoting improvement capacity in children’s services';
  const checked: string[] = [];

  beforeAll(async () => {
    world = await startWorld();
    const server = await world.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(10_000);
    const observer = {
      userId: people.observer.userId,
      name: people.observer.name,
      email: people.observer.email,
    };
    const body = CommissionFactory.withPanel(3)
      .quorum(2, true)
      .with({ title, observers: [observer] })
      .build();
    id = (await world.as(people.officer).post('/v1/commissions', body).expect(201)).body.id;
  });

  // Each step starts signed out, whatever the step before it left behind.
  beforeEach(() => browser.context.clearCookies());

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  /** No serious or critical accessibility violation on the page as it is now. */
  async function accessible(name: string): Promise<void> {
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
    checked.push(name);
  }

  async function signIn(user: TestUser): Promise<void> {
    await page.getByLabel(user.name, { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/sign-in`);
  }

  /** My tasks lists what became visible to the task queue's search a moment ago: reload until it shows. */
  /** This test's own task: other test files' commissions share the database and so My tasks. */
  async function taskLink(name: RegExp) {
    const link = page.locator(`a[href^="/commissions/${id}/"]`).filter({ hasText: name });
    for (let i = 0; i < 40 && (await link.count()) === 0; i++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    return link;
  }

  it('the accessibility check finds violations where there are some', async () => {
    await page.setContent(
      '<html lang="en"><head><title>Check</title></head><body><main><img src="x.png"><button></button></main></body></html>',
    );
    expect((await seriousViolations(page)).map((v) => v.rule).sort()).toEqual(['button-name', 'image-alt']);
  });

  it('an officer signs in, writes the specification and submits it with a date to decide by', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/sign-in?returnTo=%2F`);
    expect(await page.getByText('Development sign-in — not available in production').count()).toBeGreaterThan(
      0,
    );
    await accessible('sign-in');
    await screenshot(page, 'sign-in');
    await signIn(people.officer);

    const write = await taskLink(/Write the specification/);
    await accessible('my-tasks');
    await write.click();
    await accessible('edit-specification');
    await page
      .getByLabel('Write version 1 of the specification')
      .fill(
        '# Scope\n\nHow improvement capacity can be created or promoted.\n\n- options when an authority fails\n- a report in September',
      );
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    expect(await page.getByText('The specification has been saved as a new version.').count()).toBe(1);

    await page.goto(`${base}/`);
    await (await taskLink(/Submit version 1 of the specification/)).click();
    await page.getByRole('button', { name: 'Submit to the panel' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'Enter the date the panel must decide by',
    );
    await accessible('submit-with-errors');
    await screenshot(page, 'submit-with-errors');

    const due = DateTime.now().setZone('Europe/London').plus({ days: 30 });
    await page.fill('#respondBy-day', String(due.day));
    await page.fill('#respondBy-month', String(due.month));
    await page.fill('#respondBy-year', String(due.year));
    await page.fill('#respondBy-time', '5pm');
    await page.getByRole('button', { name: 'Submit to the panel' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=submitted`);
    expect(await page.locator('#stage').innerText()).toBe('Panel review');
    expect(await page.locator('#waiting-for').innerText()).toBe(
      `Waiting for: Julian Le Grand, Alan Wood and Isabelle Trowler — due 5pm, ${due.setLocale('en-GB').toFormat('cccc d LLLL yyyy')}`,
    );
    await accessible('commission-in-review');
    await signOut();
  });

  it('the chair follows a link to the sign-off page, signs in, comes straight back and approves', async () => {
    await page.goto(`${base}/commissions/${id}/sign-off`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await signIn(people.chair);
    await page.waitForURL(`${base}/commissions/${id}/sign-off`);
    expect(await page.locator('.app-specification h3').innerText()).toBe('Scope');
    await page.getByRole('button', { name: 'Send your decision' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'Select whether you approve this version or ask for changes',
    );
    await accessible('sign-off-with-errors');
    await page.getByLabel('Approve this version').check();
    await accessible('sign-off');
    await screenshot(page, 'sign-off');
    await page.getByRole('button', { name: 'Send your decision' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=decided`);
    expect(await page.locator('#waiting-for').innerText()).toMatch(
      /^Waiting for: Alan Wood and Isabelle Trowler — due 5pm/,
    );
    await signOut();
  });

  it('a second member sees the decision in My tasks, approves, and the stage becomes signed off', async () => {
    await page.goto(`${base}/`);
    await signIn(people.wood);
    await (await taskLink(/Decide on version 1 of the specification/)).waitFor();
    await screenshot(page, 'my-tasks');
    await (await taskLink(/Decide on version 1 of the specification/)).click();
    await page.getByLabel('Approve this version').check();
    await page.getByRole('button', { name: 'Send your decision' }).click();
    await page.waitForURL(`${base}/commissions/${id}?done=decided`);
    expect(await page.locator('#stage').innerText()).toBe('Signed off');
    expect(await page.getByText('Version 1 of the specification is signed off.').count()).toBe(1);
    await accessible('commission-signed-off');
    await screenshot(page, 'commission');
    const json = await world.as(people.officer).get(`/v1/commissions/${id}`).expect(200);
    expect(json.body.stage).toBe('signed-off');
    await page.goto(`${base}/`);
    // Other test files' commissions share the database, so My tasks need not be empty: this
    // commission is no longer among them.
    expect(await page.locator(`a[href^="/commissions/${id}/"]`).count()).toBe(0);
    await signOut();
  });

  it('an observer reads the commission without forms; a supplier does not see it before a tender', async () => {
    await page.goto(`${base}/`);
    await signIn(people.observer);
    // Other test files' commissions share the database, so My tasks need not be empty: this
    // commission is no longer among them.
    expect(await page.locator(`a[href^="/commissions/${id}/"]`).count()).toBe(0);
    await accessible('my-tasks-empty');
    await page.goto(`${base}/commissions`);
    await page.getByRole('link', { name: title }).first().waitFor();
    await accessible('commissions');
    await screenshot(page, 'commissions');
    await page.goto(`${base}/commissions/${id}`);
    expect(await page.locator('.govuk-button').count()).toBe(0);
    await page.goto(`${base}/commissions/${id}/specification/versions/1`);
    await accessible('specification-version');
    await signOut();

    await signIn(people.supplier);
    // Other test files' commissions share the database, so My tasks need not be empty: this
    // commission is no longer among them.
    expect(await page.locator(`a[href^="/commissions/${id}/"]`).count()).toBe(0);
    const hidden = await page.goto(`${base}/commissions/${id}`);
    expect(hidden?.status()).toBe(404);
    await accessible('not-found');
    await signOut();
  });

  it('an officer’s other forms are accessible too, and cancelling shows the cancelled stage', async () => {
    const body = CommissionFactory.withPanel(3)
      .unanimous()
      .with({ title: 'Study: the future commissioning of children’s services in Birmingham' })
      .build();
    const other = (await world.as(people.officer).post('/v1/commissions', body).expect(201)).body.id;
    await page.goto(`${base}/`);
    await signIn(people.officer);
    await page.goto(`${base}/commissions/${other}/deadlines/move`);
    await accessible('move-deadline');
    await page.goto(`${base}/commissions/${other}/cancel`);
    await accessible('cancel');
    await page
      .getByLabel('Why is the commission being cancelled?')
      .fill('The second study is commissioned with the first');
    await page.getByRole('button', { name: 'Cancel the commission' }).click();
    await page.waitForURL(`${base}/commissions/${other}?done=cancelled`);
    expect(await page.locator('#stage').innerText()).toBe('Cancelled');
    await accessible('commission-cancelled');
    await page.goto(`${base}/commissions/${id}/cancel`);
    expect(await page.locator('h1').innerText()).toBe('Cancel this commission');
    expect(checked).toEqual(
      expect.arrayContaining([
        'sign-in',
        'my-tasks',
        'commission-signed-off',
        'sign-off',
        'commissions',
        'cancel',
      ]),
    );
  });
});
