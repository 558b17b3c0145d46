import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn as signInToApi } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from '../support/demo-facts';
import { letterPdf } from '../support/sample-files';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  DESKTOP,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  pdfPageDrawn,
  PHONE,
  phoneScreenshot,
  screenshot,
  signInThroughPage,
} from './support/browser';

/** A Wednesday morning in Ha Long. */
const NOW = new Date('2026-03-11T09:00:00+07:00');

/** The clerk's file page in a real browser: the checklist, and a PDF shown by OneGate's own viewer. */
describe('the clerk’s file page in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let context: BrowserContext;
  let clerk: Page;
  let fileId = '';
  let documentId = '';
  const problems: AxeProblem[] = [];

  beforeAll(async () => {
    stack = await TestStack.start();
    stack.freezeClock(NOW);
    const password = stack.config.demoPassword!;
    const apps = new ApplicationsClient(stack.apiUrl);
    const citizenTokens = await signInToApi(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    const clerkTokens = await signInToApi(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const draft = await apps.create(citizenTokens, HOUSEHOLD, HOUSEHOLD_FORM);
    fileId = draft.body.id;
    const pdf = await letterPdf(['GIAY DE NGHI DANG KY HO KINH DOANH', 'Nguyen Van A'], 2);
    const uploaded = await apps.upload(citizenTokens, fileId, HOUSEHOLD_DOCUMENT, pdf, 'de-nghi.pdf');
    documentId = uploaded.body.id as string;
    expect((await apps.act(citizenTokens, fileId, 'submit')).status).toBe(200);
    expect((await apps.act(clerkTokens, fileId, 'receive')).status).toBe(200);

    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(15_000);
    await onlyThisMachine(context);
    clerk = await context.newPage();
    await signInThroughPage(clerk, DEMO_ACCOUNTS.clerk, password);
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const renderedPage = (page: number) => pdfPageDrawn(clerk, page);

  it('lists the document in the checklist and previews the PDF page by page at desktop width', async () => {
    await clerk.goto(`/staff/applications/${fileId}`);
    const item = clerk.locator('.onegate-checklist__item').first();
    expect(await item.getAttribute('data-status')).toBe('present');
    expect(await item.innerText()).toContain('Phiên bản 1 · de-nghi.pdf');
    await Promise.all([clerk.waitForURL(/preview=/), item.getByRole('link', { name: /^Xem/ }).click()]);
    expect(new URL(clerk.url()).searchParams.get('preview')).toBe(documentId);

    const first = await renderedPage(1);
    expect(first.inked).toBeGreaterThan(200);
    expect(await clerk.locator('.onegate-pdf__status').innerText()).toBe('Trang 1 / 2');
    expect(await clerk.locator('.onegate-pdf__previous').isDisabled()).toBe(true);
    await clerk.getByRole('button', { name: 'Trang sau' }).click();
    expect((await renderedPage(2)).inked).toBeGreaterThan(200);
    expect(await clerk.locator('.onegate-pdf__status').innerText()).toBe('Trang 2 / 2');
    expect(await clerk.locator('.onegate-pdf__next').isDisabled()).toBe(true);
    const download = clerk.locator('#preview').getByRole('link', { name: /^Tải về/ });
    expect(await download.getAttribute('href')).toBe(`/applications/${fileId}/documents/${documentId}`);

    problems.push(...(await accessibilityProblems(clerk, 'clerk-file-preview')));
    await screenshot(clerk, 'clerk-file-preview');
  });

  it('shows the preview within a 375 px phone', async () => {
    await clerk.setViewportSize(PHONE);
    await clerk.goto(`/staff/applications/${fileId}?preview=${documentId}`);
    const shown = await renderedPage(1);
    await clerk.locator('#preview').scrollIntoViewIfNeeded();
    expect(shown.inked).toBeGreaterThan(100);
    expect(shown.width).toBeLessThanOrEqual(PHONE.width);
    await fitsWidth(clerk, 'clerk-file-preview on a phone');
    await phoneScreenshot(clerk, 'clerk-file-preview');
    await clerk.setViewportSize(DESKTOP);
  });

  it('has no serious accessibility problems', () => {
    expect(problems).toEqual([]);
  });
});
