import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { event, recordLine } from '../support/reports/crafted-lines';
import { getReport, importLines } from '../support/reports/report-client';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import {
  PHONE,
  accessibilityProblems,
  fitsWidth,
  launchChromium,
  screenshotAtBothWidths,
  shownText,
  shownTexts,
} from './support/browser';

const PERIOD = 'from=2025-06-01&to=2025-06-30';

/**
 * The dashboard's breakdown tables show each group's step figures, as the breakdown API gives them, on
 * a phone as on a desktop (the tables scroll inside their own box).
 */
// The page is drawn by the same services on either database: checked once, on SQLite.
describe.runIf(testDatabaseKind() === 'sqlite')('dashboard: step figures per group', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const imported = await importLines(stack.apiUrl, admin, [
      // Monday 23 June 2025: received at 09:00 into a step due at 10:00, returned Tuesday 11:00.
      recordLine('QN-STP-250623-0001', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:00:00', {
          step: 1,
          stepName: 'Tiếp nhận hồ sơ',
          stepAgencyCode: 'QN-SXD',
          stepRole: 'clerk',
          stepDueAt: '2025-06-23T10:00:00+07:00',
        }),
        event('pay', '2025-06-23T09:10:00', { reference: 'PG-1' }),
        event('approve', '2025-06-24T10:00:00'),
        event('sign', '2025-06-24T10:05:00'),
        event('return', '2025-06-24T11:00:00'),
      ]),
    ]);
    expect(imported.body.imported).toBe(1);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: PHONE, baseURL: stack.apiUrl, locale: 'vi-VN' });
    page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('#username', DEMO_ACCOUNTS.admin);
    await page.fill('#password', stack.config.demoPassword!);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.press('#password', 'Enter'),
    ]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the step columns by agency, fitting a phone', async () => {
    await page.goto(`/supervisor/dashboard?${PERIOD}`);
    // Chart.js is not in the page as written; the dashboard's script fetches it because charts are there.
    const html = await (await page.request.get(`/supervisor/dashboard?${PERIOD}`)).text();
    expect(html).not.toContain('chart.umd.min.js');
    // Evaluated in the page: Chart.js is loaded and its script tag was added by the dashboard's script.
    await page.waitForFunction(
      `'Chart' in window && document.querySelector('script[src$="chart.umd.min.js"]') !== null`,
    );
    // The open files now: the only file is returned, so each workload table says there are none.
    for (const id of ['#workload-clerks', '#workload-steps', '#workload-units', '#stalled-files']) {
      expect(await shownText(page.locator(`${id} tbody`))).toBe('Không có hồ sơ đang xử lý.');
    }
    const table = page.locator('#by-agency');
    const headers = await shownTexts(table.locator('thead th'));
    expect(headers.slice(-5)).toEqual([
      'Lượt qua bước xử lý (số lượt)',
      'Thời gian tại các bước (giờ làm việc)',
      'Lượt bước quá hạn (số lượt)',
      'Thời gian quá hạn các bước (giờ làm việc)',
      'Thời gian tại cơ quan khác (giờ làm việc)',
    ]);
    const row = table.locator('tbody tr', { hasText: 'QN-STP' });
    const cells = await shownTexts(row.locator('td'));
    // Mon 09:00-12:00 and 13:00-17:00, Tue 08:00-11:00: 10 hours, late by 9 (from Mon 10:00), all at
    // the Department of Construction.
    expect(cells.slice(-5)).toEqual(['1', '10', '1', '9', '10']);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const api = await getReport<{ groups: { key: string; steps: unknown }[] }>(
      stack.apiUrl,
      admin,
      'breakdown',
      {
        from: '2025-06-01',
        to: '2025-06-30',
        groupBy: 'agency',
      },
    );
    expect(api.body.groups.find((group) => group.key === 'QN-STP')!.steps).toEqual({
      stretches: 1,
      hours: 10,
      late: 1,
      latenessHours: 9,
      atOtherAgenciesHours: 10,
    });
    await fitsWidth(page, 'dashboard');
    await screenshotAtBothWidths(page, 'dashboard-workload');
    expect(await accessibilityProblems(page, 'dashboard')).toEqual([]);
  });
});
