import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS } from '../support/accounts';
import { askPartnerToken } from '../support/partner-clients';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import {
  accessibilityProblems,
  DESKTOP,
  launchChromium,
  onlyThisMachine,
  screenshotAtBothWidths,
  signInThroughPage,
} from './support/browser';
import type { AxeProblem } from './support/browser';

/**
 * The administrators' partner client pages in a real browser, in Vietnamese: a client registered
 * through the form (refused first without a scope), its secret shown once and good for a token, a new
 * secret, then disabled; both pages at desktop and phone width, checked with axe.
 */
describe.runIf(testDatabaseKind() === 'sqlite')('partner client pages in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  const problems: AxeProblem[] = [];

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(30_000);
    await onlyThisMachine(context);
    page = await context.newPage();
    await signInThroughPage(page, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const tokenStatus = async (clientId: string, secret: string) =>
    (
      await askPartnerToken(stack.apiUrl, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: secret,
      })
    ).status;

  it('registers a client through the form, shows its secret once, makes a new one and disables it', async () => {
    await page.goto('/admin/partner-clients');
    await page.fill('#name', 'Hệ thống quản lý thuế');
    await page.fill('#agencies', 'QN-THUE-HL');
    await page.click('form[action="/admin/partner-clients"] button[type="submit"]');
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#scopes-error').innerText()).toContain('chọn ít nhất một quyền');
    await screenshotAtBothWidths(page, 'admin-partner-clients');
    problems.push(...(await accessibilityProblems(page, 'the partner clients with a refused form')));

    await page.check('input[value="files:read"]');
    await page.check('input[value="steps:act"]');
    await page.click('form[action="/admin/partner-clients"] button[type="submit"]');
    const secret = await page.locator('#partner-secret').innerText();
    const clientId = await page.locator('#partner-client-id').innerText();
    expect(secret).toMatch(/^ogp_/);
    expect(await tokenStatus(clientId, secret)).toBe(200);

    await page.click('form[action$="/rotate-secret"] button');
    const rotated = await page.locator('#partner-secret').innerText();
    expect(rotated).not.toBe(secret);
    expect(await tokenStatus(clientId, rotated)).toBe(200);

    await page.click('form[action$="/enabled"] button');
    await page.waitForURL(/notice=partnerClientSaved/);
    expect(await tokenStatus(clientId, rotated)).toBe(401);
    const shown = await page.content();
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(rotated);
    expect(await page.locator('#partner-calls').innerText()).toContain('/api/oauth/token');
    await screenshotAtBothWidths(page, 'admin-partner-client');
    problems.push(...(await accessibilityProblems(page, 'a partner client and its calls')));
    expect(problems).toEqual([]);
  }, 120_000);
});
