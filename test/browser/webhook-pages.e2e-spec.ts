import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { DEMO_ACCOUNTS } from '../support/accounts';
import { eventually } from '../support/http';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import { WebhookReceiver } from '../support/webhook-receiver';
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
 * The administrators' webhook pages in a real browser, in Vietnamese: a subscription registered
 * through the form (a private address refused first), its secret shown once, a test ping sent from its
 * page and seen in its deliveries; both pages at desktop and phone width, checked with axe.
 */
describe.runIf(testDatabaseKind() === 'sqlite')('webhook pages in the browser', () => {
  let stack: TestStack;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let page: Page;
  const problems: AxeProblem[] = [];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({
          ...config,
          webhooks: { ...config.webhooks, allowedHosts: ['127.0.0.1'] },
        } as AppConfig),
    });
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
    await receiver?.stop();
  });

  it('registers a subscription through the form, shows its secret once, and its ping among its deliveries', async () => {
    await page.goto('/admin/webhooks');
    await page.fill('#url', 'http://192.168.10.5/hook');
    await page.check('input[value="file.decided"]');
    await page.click('form[action="/admin/webhooks"] button[type="submit"]');
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#url-error').innerText()).toContain('192.168.10.5');
    await screenshotAtBothWidths(page, 'admin-webhooks');
    problems.push(...(await accessibilityProblems(page, 'the webhook list with a refused address')));

    await page.fill('#url', `${receiver.url}/cong-quoc-gia`);
    await page.fill('#description', 'Cổng dịch vụ công quốc gia');
    await page.check('input[value="file.returned"]');
    await page.fill('#agencies', 'QN-HL');
    await page.check('#ordered');
    await page.click('form[action="/admin/webhooks"] button[type="submit"]');
    const secret = await page.locator('#webhook-secret').innerText();
    expect(secret).toMatch(/^whsec_/);

    await page.click('form[action$="/ping"] button');
    await page.waitForURL(/notice=webhookPinged/);
    await eventually(async () => (receiver.at('/cong-quoc-gia').length > 0 ? true : undefined));
    await eventually(async () => {
      await page.reload();
      return (await page.locator('#deliveries').innerText()).includes('Đã nhận') ? true : undefined;
    });
    expect(await page.content()).not.toContain('whsec_');
    await screenshotAtBothWidths(page, 'admin-webhook');
    problems.push(...(await accessibilityProblems(page, 'a subscription and its deliveries')));
    expect(problems).toEqual([]);
  }, 120_000);
});
