import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newCitizen } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { HOUSEHOLD } from '../support/demo-facts';
import { request } from '../support/http';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  containsText,
  DESKTOP,
  hasValue,
  launchChromium,
  onlyThisMachine,
  screenshot,
} from './support/browser';

/**
 * Nothing typed is lost, in a real browser (docs/portal.md, "Submission and drafts"): the draft's form
 * saves itself as it is typed, and after the session has ended it says so, keeps what was typed through
 * a new sign-in, and comes back to the same form.
 */
describe('drafts in a browser: autosave and an expired session', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let tokens: Tokens;
  const account = newCitizen({ fullName: 'Đỗ Thị Lưu' });
  const problems: AxeProblem[] = [];
  let formPath = '';

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: account,
    });
    expect(registered.status).toBe(201);
    tokens = registered.body;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(10_000);
    await onlyThisMachine(context);
    page = await context.newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function signIn(): Promise<void> {
    await page.fill('#username', account.email);
    await page.fill('#password', account.password);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.press('#password', 'Enter'),
    ]);
  }

  const formData = async () =>
    (await new ApplicationsClient(stack.apiUrl).get(tokens, formPath.split('/')[3]!)).body.formData;

  it('saves the answers as they are typed', async () => {
    await page.goto('/sign-in');
    await signIn();
    await page.goto(`/procedures/${HOUSEHOLD}`);
    await Promise.all([
      page.waitForURL(/\/edit\?notice=draftCreated/),
      page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click(),
    ]);
    formPath = new URL(page.url()).pathname;
    await page.fill('#field-businessName', 'Tiệm may Hạ Long');
    await page.locator('#autosave-status', { hasText: 'Đã tự động lưu nháp lúc' }).waitFor();
    expect(await formData()).toMatchObject({ businessName: 'Tiệm may Hạ Long' });
    problems.push(...(await accessibilityProblems(page, 'application form, autosaved')));
    await screenshot(page, 'application-form-autosaved');
  });

  it('says when the session has ended, keeps what was typed through sign-in, and returns to the form', async () => {
    // The session ends (it expired, or was signed out elsewhere) while the form is open.
    await page.context().clearCookies({ name: 'onegate_session' });
    await page.fill('#field-capital', '75000000');
    await page.locator('#autosave-status', { hasText: 'Phiên đăng nhập đã hết hạn' }).waitFor();
    await Promise.all([page.waitForURL(formPath), page.getByRole('button', { name: 'Lưu nháp' }).click()]);
    await containsText(page.locator('#session-expired'), 'Những gì bạn đã nhập vẫn được giữ');
    problems.push(...(await accessibilityProblems(page, 'sign-in after an expired session')));
    await screenshot(page, 'sign-in-expired');
    // The answers travel in the page's own form, never in its address.
    expect(page.url()).not.toContain('75000000');
    await signIn();
    expect(new URL(page.url()).pathname).toBe(formPath);
    await containsText(page.locator('.govuk-notification-banner'), 'đã được lưu vào hồ sơ nháp');
    await hasValue(page.locator('#field-capital'), '75000000');
    await hasValue(page.locator('#field-businessName'), 'Tiệm may Hạ Long');
    expect(await formData()).toMatchObject({ businessName: 'Tiệm may Hạ Long', capital: 75_000_000 });
    expect(problems).toEqual([]);
  });
});
