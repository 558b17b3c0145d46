import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS } from '../support/accounts';
import { HOUSEHOLD } from '../support/demo-facts';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import { accessibilityProblems, fitsWidth, launchChromium, onlyThisMachine, PHONE } from './support/browser';

/** The procedure page's step editor on a phone: its row buttons work without leaving the page's width. */
describe.runIf(testDatabaseKind() === 'sqlite')('the step editor on a phone', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: PHONE, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(10_000);
    await onlyThisMachine(context);
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

  it('adds, moves and removes a row at 375 px, with no serious accessibility problem', async () => {
    await page.goto(`/admin/procedures/${HOUSEHOLD}`);
    const rows = page.locator('.onegate-step-row');
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(2);
    await fitsWidth(page, 'the procedure page');
    expect(await accessibilityProblems(page, 'the procedure page')).toEqual([]);

    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: 'Thêm bước' }).click(),
    ]);
    expect(await rows.count()).toBe(before + 1);
    await page.fill(`#step-${before + 1}-nameVi`, 'Bước mới');
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: `Lên trên (Bước ${before + 1})` }).click(),
    ]);
    expect(await page.inputValue(`#step-${before}-nameVi`)).toBe('Bước mới');
    await fitsWidth(page, 'the procedure page with a new row');

    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: `Xóa bước (Bước ${before})` }).click(),
    ]);
    expect(await rows.count()).toBe(before);
    expect(await page.locator('#steps').textContent()).not.toContain('Bước mới');
  });
});
