import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { generateApplications } from '../support/reports/random-applications';
import { importLines, readCatalogue } from '../support/reports/report-client';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import {
  accessibilityProblems,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  PHONE,
  screenshotAtBothWidths,
} from './support/browser';

const DASHBOARD = '/supervisor/dashboard?from=2025-01-01&to=2025-12-31&agency=QN';
const SAVE = 'form[action="/admin/service-index"] button[type=submit]';

/**
 * The service index on the supervisor's dashboard and the administrator's scoring page, on a phone:
 * read and used without JavaScript, then measured (width, accessibility) with it.
 */
describe.runIf(testDatabaseKind() === 'sqlite')('the service index pages on a phone', () => {
  let stack: TestStack;
  let browser: Browser;
  /** Without JavaScript: what is read and posted. */
  let plain: Page;
  /** With JavaScript, which the width and accessibility checks need. */
  let measured: Page;

  async function signedInPage(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({
      viewport: PHONE,
      baseURL: stack.apiUrl,
      locale: 'vi-VN',
      javaScriptEnabled,
    });
    context.setDefaultTimeout(10_000);
    await onlyThisMachine(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('#username', DEMO_ACCOUNTS.admin);
    await page.fill('#password', stack.config.demoPassword!);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.click('form[action="/sign-in"] button[type=submit]'),
    ]);
    return page;
  }

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const catalogue = await readCatalogue(stack.apiUrl);
    const lines = generateApplications({
      seed: 766,
      count: 200,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
    });
    expect((await importLines(stack.apiUrl, admin, lines)).status).toBe(200);
    browser = await launchChromium();
    plain = await signedInPage(false);
    measured = await signedInPage(true);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows groups, criteria as n/d and %, 4b to 5b, what is not computed here, and the ranking', async () => {
    await plain.goto(DASHBOARD);
    const section = plain.locator('#service-index');
    expect(await section.locator('h2').textContent()).toBe('Chỉ số phục vụ (Quyết định 766)');
    const onTime = (await section.locator('tr[data-criterion="2a"]').textContent()) ?? '';
    expect(onTime).toMatch(/\d+ \/ \d+/);
    expect(onTime).toContain('%');
    const missing = (await section.locator('tr[data-criterion="1a"]').textContent()) ?? '';
    expect(missing).toContain('Chưa tính được tại đây');
    expect(missing).toContain('Cơ sở dữ liệu quốc gia về thủ tục hành chính');
    const synchronised = (await section.locator('tr[data-criterion="1d"]').textContent()) ?? '';
    expect(synchronised).toMatch(/\d+ \/ \d+/);
    const digitised = (await section.locator('tr[data-criterion="4b"]').textContent()) ?? '';
    expect(digitised).toMatch(/\d+ \/ \d+/);
    // No feedback is due in the dashboard's period: 5a says so instead of a rate.
    const feedback = (await section.locator('tr[data-criterion="5a"]').textContent()) ?? '';
    expect(feedback).toContain('Không có phản ánh, kiến nghị đến hạn trong kỳ');
    expect(await section.locator('tr[data-ranked]').count()).toBeGreaterThan(0);
    await measured.goto(DASHBOARD);
    await fitsWidth(measured, 'the dashboard with the service index');
    await screenshotAtBothWidths(measured, 'service-index-dashboard');
    expect(await accessibilityProblems(measured, 'the dashboard with the service index')).toEqual([]);
  }, 120_000);

  it('links each numerator and denominator that counts files to its list, in the index’s scope', async () => {
    await plain.goto(DASHBOARD);
    const section = plain.locator('#service-index');
    const linked: [criterion: string, parts: string[]][] = [
      ['2a', ['numerator', 'denominator']],
      ['2b', ['denominator']],
      ['3c', ['numerator', 'denominator']],
      ['3e', ['numerator', 'denominator']],
      ['4a', ['numerator', 'denominator']],
      ['4b', ['numerator', 'denominator']],
      ['4c', ['numerator', 'denominator']],
      ['5c', ['denominator']],
    ];
    for (const [id, parts] of linked) {
      for (const part of parts) {
        const link = section.locator(`tr[data-criterion="${id}"] a[data-part="${part}"]`);
        expect(await link.getAttribute('href'), `${id} ${part}`).toBe(
          `/supervisor/dashboard/files?from=2025-01-01&to=2025-12-31&agency=QN&figure=index.${id}.${part}`,
        );
      }
    }
    // Procedures and feedback are not files: those criteria stay plain numbers.
    for (const id of ['3a', '3b', '3d', '5a', '5b']) {
      expect(await section.locator(`tr[data-criterion="${id}"] a`).count(), id).toBe(0);
    }
    expect(await section.locator('tr[data-criterion="5c"] a[data-part="numerator"]').count()).toBe(0);

    const paid = section.locator('tr[data-criterion="3e"] a[data-part="numerator"]');
    const count = Number(((await paid.textContent()) ?? '').replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await Promise.all([plain.waitForURL(/figure=index\.3e\.numerator/), paid.click()]);
    expect(await plain.locator('h1').textContent()).toBe(
      'Chỉ số phục vụ 3e: hồ sơ có phí, lệ phí thanh toán trực tuyến',
    );
    expect(await plain.locator('#figure-files tbody tr').count()).toBe(Math.min(count, 50));
  }, 120_000);

  it('lets an administrator add a version, and refuses one over a group maximum naming the field', async () => {
    await measured.goto('/admin/service-index');
    await fitsWidth(measured, 'the scoring page');
    await screenshotAtBothWidths(measured, 'service-index-scoring');
    expect(await accessibilityProblems(measured, 'the scoring page')).toEqual([]);
    await plain.goto('/admin/service-index');
    expect(await plain.locator('tr[data-version]').count()).toBe(1);
    await plain.fill('#effectiveFrom', '2030-01-01');
    await plain.fill('#criterion-5c-max', '9');
    await Promise.all([plain.waitForLoadState('load'), plain.click(SAVE)]);
    expect(await plain.locator('#group-5-max-error').textContent()).toContain('18');
    expect(await plain.inputValue('#criterion-5c-max')).toBe('9');
    await plain.fill('#criterion-5c-max', '6');
    await plain.fill('#criterion-2a-fullAt', '90');
    await Promise.all([plain.waitForURL(/notice=scoringTableAdded/), plain.click(SAVE)]);
    expect(await plain.locator('tr[data-version]').count()).toBe(2);
    expect(await plain.inputValue('#criterion-2a-fullAt')).toBe('90');
  }, 120_000);
});
