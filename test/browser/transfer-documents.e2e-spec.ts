import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Agency } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn as signInToApi } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { request } from '../support/http';
import { letterPdf } from '../support/sample-files';
import { createProcedureWithSteps, taxTransferSteps } from '../support/transfer-procedure';
import { TestStack } from '../support/test-stack';
import {
  DESKTOP,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  PHONE,
  screenshotAtBothWidths,
} from './support/browser';

const TAX_CLERK = 'thue@demo.onegate.vn';

/** The tax office returns its notice from its forward form, and the competent clerk sees it, on a phone. */
describe('a transfer’s returned document in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext;
  let fileId = '';

  const signedIn = async (username: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('#username', username);
    await page.fill('#password', stack.config.demoPassword!);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.press('#password', 'Enter'),
    ]);
    return page;
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    const password = stack.config.demoPassword!;
    const admin = await signInToApi(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    const clerk = await signInToApi(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const taxOffice = await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-THUE-HL' });
    expect(
      await createProcedureWithSteps(stack.apiUrl, admin, '1.004403', taxTransferSteps(taxOffice.id)),
    ).toBe(201);
    const registered = await request<{ id: string }>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: '1.004403',
        applicant: { nationalId: '022090007799', fullName: 'Lê Văn Thuế' },
        formData: {},
      },
    });
    fileId = registered.body.id;
    expect((await new ApplicationsClient(stack.apiUrl).act(clerk, fileId, 'forward')).status).toBe(200);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(15_000);
    await onlyThisMachine(context);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('sends the notice with the forward form at 375 px and shows it to the competent clerk', async () => {
    const tax = await signedIn(TAX_CLERK);
    await tax.goto(`/staff/applications/${fileId}`);
    await fitsWidth(tax, 'the tax office’s restricted file page on a phone');
    const notice = await letterPdf(['THONG BAO NOP THUE', '1.250.000 dong'], 1);
    await tax.setInputFiles('#forward-documents', {
      name: 'thong-bao-thue.pdf',
      mimeType: 'application/pdf',
      buffer: notice,
    });
    await tax.fill('#forward-opinion', 'Thuế thu nhập cá nhân 2%');
    await Promise.all([
      tax.waitForURL((url) => url.pathname.startsWith('/staff/queue')),
      tax.click('#action-forward button[type=submit]'),
    ]);

    const clerk = await signedIn(DEMO_ACCOUNTS.clerk);
    await clerk.goto(`/staff/applications/${fileId}`);
    const returned = clerk.locator('#returned-documents');
    await expect(returned.textContent()).resolves.toContain('thong-bao-thue.pdf');
    await expect(returned.textContent()).resolves.toContain('Chi cục Thuế thành phố Hạ Long');
    await fitsWidth(clerk, 'the competent clerk’s file page with a returned document on a phone');
    await screenshotAtBothWidths(clerk, 'transfer-returned-documents');
    await clerk.setViewportSize(DESKTOP);
  });
});
