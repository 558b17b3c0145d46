import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import type { ApplicationBody } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_FORM } from '../support/demo-facts';
import { request } from '../support/http';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  containsText,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  PHONE,
  screenshot,
} from './support/browser';

/**
 * A clerk on a 375 px phone finds counter files in the queue by phone (by post, never in the address),
 * filters those waiting for the citizen (kept in the address), assigns the files of a page at once, then
 * filters them by their step and forwards them (docs/portal.md, "The queue's search", "Bulk actions on
 * the queue").
 */
describe('the staff queue on a phone: search by phone, filters, bulk assign', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let clerk: Tokens;
  const problems: AxeProblem[] = [];
  const files: ApplicationBody[] = [];

  const register = async (phone: string) => {
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: '022190003333', fullName: 'Vi Thị Điện Thoại', phone },
        formData: HOUSEHOLD_FORM,
      },
    });
    expect(registered.status).toBe(201);
    return registered.body;
  };

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    files.push(await register('0966 000 111'), await register('0966 000 222'));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: PHONE, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(10_000);
    await onlyThisMachine(context);
    page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('#username', DEMO_ACCOUNTS.clerk);
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

  it('finds a file by a phone typed in the international shape, and keeps it out of the address', async () => {
    await page.goto('/staff/queue');
    await page.getByText('Tìm theo số định danh cá nhân hoặc số điện thoại').click();
    await page.fill('#nationalId', '+84 966 000 222');
    await Promise.all([page.waitForLoadState('load'), page.press('#nationalId', 'Enter')]);
    expect(page.url()).not.toContain('966');
    const rows = page.locator('#queue tbody tr');
    expect(await rows.count()).toBe(1);
    await containsText(rows, files[1]!.code!);
    await fitsWidth(page, 'queue searched by phone');
    problems.push(...(await accessibilityProblems(page, 'queue searched by phone')));
    await screenshot(page, 'staff-queue-phone-search');
  });

  it('keeps the filters in the address, folded until asked for', async () => {
    await page.goto('/staff/queue');
    await page.getByText('Trạng thái, thủ tục, thời hạn, người xử lý, chờ công dân').click();
    await page.selectOption('#holder', 'agency');
    await Promise.all([page.waitForURL(/holder=agency/), page.getByRole('button', { name: 'Lọc' }).click()]);
    expect(new URL(page.url()).searchParams.get('holder')).toBe('agency');
    expect(await page.locator('#queue tbody tr').count()).toBe(2);
    await fitsWidth(page, 'queue filtered');
  });

  it('assigns every file of the page at once and says what became of each', async () => {
    await page.check('#allOnPage');
    expect(await page.locator('#queue input[name="ids"]:checked').count()).toBe(2);
    await page.selectOption('#bulk-action', 'assign');
    await page.selectOption('#bulk-assignee', { index: 1 });
    await Promise.all([
      page.waitForURL(/\/staff\/queue\/bulk/),
      page.getByRole('button', { name: 'Thực hiện' }).click(),
    ]);
    await containsText(page.locator('#bulk-outcome'), 'Đã giao 2 hồ sơ');
    await fitsWidth(page, 'queue after a bulk assignment');
    problems.push(...(await accessibilityProblems(page, 'queue after a bulk assignment')));
    for (const file of files) {
      const current = await request<{ state: string }>(`${stack.apiUrl}/api/applications/${file.id}`, {
        headers: bearer(clerk),
      });
      expect(current.body.state).toBe('in_progress');
    }
  });

  it('filters by a step of the chosen procedure, shows each file’s current step, and forwards them', async () => {
    await page.goto(`/staff/queue?procedure=${HOUSEHOLD}`);
    await page.selectOption('#step', '1');
    await Promise.all([page.waitForURL(/step=1/), page.getByRole('button', { name: 'Lọc' }).click()]);
    expect(new URL(page.url()).searchParams.get('step')).toBe('1');
    const rows = page.locator('#queue tbody tr');
    expect(await rows.count()).toBe(2);
    for (const row of await rows.all()) await containsText(row, 'Bước 1: ');
    await fitsWidth(page, 'queue filtered by step');
    problems.push(...(await accessibilityProblems(page, 'queue filtered by step')));
    await screenshot(page, 'staff-queue-by-step');
    await page.check('#allOnPage');
    await page.selectOption('#bulk-action', 'forward');
    await Promise.all([
      page.waitForURL(/\/staff\/queue\/bulk/),
      page.getByRole('button', { name: 'Thực hiện' }).click(),
    ]);
    await containsText(page.locator('#bulk-outcome'), 'Đã chuyển 2 hồ sơ');
    expect(problems).toEqual([]);
  });
});
