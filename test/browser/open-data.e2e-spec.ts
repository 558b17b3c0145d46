import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { generateApplications } from '../support/reports/random-applications';
import { importLines, readCatalogue } from '../support/reports/report-client';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import { accessibilityProblems, DESKTOP, launchChromium, screenshotAtBothWidths } from './support/browser';

/**
 * Anyone, signed in or not and without JavaScript, chooses an agency and months on /open-data and reads
 * its figures month by month, with the held-back ones dashed (docs/open-data.md).
 */
describe.runIf(testDatabaseKind() === 'sqlite')('the open data page, without JavaScript', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  /** The same pages with JavaScript, for the checks that run in the page (axe, width). */
  let checker: Page;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const lines = generateApplications({
      seed: 1_207,
      count: 1_200,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue: await readCatalogue(stack.apiUrl),
    });
    expect((await importLines(stack.apiUrl, admin, lines)).body.rejected).toEqual([]);
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: stack.apiUrl,
      viewport: DESKTOP,
      javaScriptEnabled: false,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    checker = await (await browser.newContext({ baseURL: stack.apiUrl, viewport: DESKTOP })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('is linked from the footer, and shows a chosen agency’s months with what each figure means', async () => {
    await page.goto('/');
    await Promise.all([page.waitForURL(/\/open-data$/), page.click('footer a[href="/open-data"]')]);
    // The default: twelve months up to this one, the province itself.
    expect(await page.locator('tbody tr').count()).toBe(12);
    expect(await page.locator('tbody tr').last().locator('.govuk-tag').innerText()).toMatch(/tạm tính/i);

    await page.selectOption('#agency', 'QN-HL');
    await page.fill('#from', '2025-01');
    await page.fill('#to', '2025-12');
    await Promise.all([page.waitForURL(/agency=QN-HL/), page.click('form.onegate-search button')]);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(12);
    expect(await rows.first().locator('th').innerText()).toBe('Tháng 1/2025');
    const cells = await page.locator('tbody td').allInnerTexts();
    expect(cells.some((text) => /^\d+$/.test(text))).toBe(true);
    expect(await page.locator('tbody td .govuk-visually-hidden').count()).toBeGreaterThan(0);
    expect(await page.locator('dl.govuk-summary-list .govuk-summary-list__row').count()).toBe(7);
    expect(await page.locator('a[href^="/api/open-data/monthly?"]').getAttribute('href')).toBe(
      '/api/open-data/monthly?from=2025-01&to=2025-12&agency=QN-HL',
    );
    await checker.goto(page.url());
    expect(await accessibilityProblems(checker, 'open-data')).toEqual([]);
    await screenshotAtBothWidths(checker, 'open-data');
  });

  it('answers a month it cannot read with the problem on the form', async () => {
    const response = await page.goto('/open-data?agency=QN-HL&from=2025-13&to=2025-12');
    expect(response?.status()).toBe(400);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('2026-01');
    expect(await page.locator('#from').inputValue()).toBe('2025-13');
    expect(await page.locator('tbody tr').count()).toBe(0);
  });
});
