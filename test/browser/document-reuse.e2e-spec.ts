import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from '../support/accounts';
import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { ApplicationsClient, PDF_BYTES } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from '../support/demo-facts';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  PHONE,
  screenshotAtBothWidths,
} from './support/browser';
import { TestStack } from '../support/test-stack';

/**
 * A citizen gives again, on a phone, a document of their store (docs/documents.md, "Reuse"): one choice
 * per document on the application form, which works as a plain form post.
 */
describe('reusing a stored document on a phone', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  /** The approved file whose document is in the citizen's store. */
  let source: { id: string; code: string };
  const problems: AxeProblem[] = [];

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const draft = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body;
    expect(
      (await apps.upload(citizen, draft.id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi-2025.pdf')).status,
    ).toBe(201);
    expect((await apps.act(citizen, draft.id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, draft.id, 'receive');
    expect((await apps.act(clerk, draft.id, 'approve')).status).toBe(200);
    source = { id: draft.id, code: received.body.code! };

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: PHONE, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(20_000);
    await onlyThisMachine(context);
    page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('#username', DEMO_ACCOUNTS.citizen);
    await page.fill('#password', password);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.press('#password', 'Enter'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists the store at 375 px', async () => {
    await page.goto('/my/documents');
    const entry = page.locator('.onegate-store__item').first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain('de-nghi-2025.pdf');
    expect(await entry.innerText()).toContain(source.code);
    await fitsWidth(page, 'the document store');
    await screenshotAtBothWidths(page, 'document-store');
    problems.push(...(await accessibilityProblems(page, 'the document store')));
  });

  it('gives the stored document for the new file’s document, without uploading it again', async () => {
    const draft = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body;
    await page.goto(`/my/applications/${draft.id}/edit`);
    const choice = page.locator('#reuse-0');
    await choice.waitFor();
    await fitsWidth(page, 'the application form with reuse');
    await screenshotAtBothWidths(page, 'document-reuse-form');
    problems.push(...(await accessibilityProblems(page, 'the application form with reuse')));
    const option = choice.locator('option', { hasText: 'de-nghi-2025.pdf' });
    await choice.selectOption((await option.getAttribute('value'))!);
    await Promise.all([
      page.waitForURL(/notice=saved/),
      page.getByRole('button', { name: 'Lưu nháp' }).click(),
    ]);
    expect(await page.locator('#document-0-hint').innerText()).toContain(
      `Tái sử dụng từ hồ sơ ${source.code}`,
    );
    await fitsWidth(page, 'the application form after reuse');
    await Promise.all([
      page.waitForURL(/notice=submitted/),
      page.getByRole('button', { name: 'Nộp hồ sơ' }).click(),
    ]);
    const sent = (await apps.get(citizen, draft.id)).body;
    expect(sent.state).toBe('submitted');
    expect(
      sent.attachments!.map((file) => [file.documentName, (file as { origin?: string }).origin]),
    ).toEqual([[HOUSEHOLD_DOCUMENT, 'reused']]);
    expect(problems).toEqual([]);
  });
});
