import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { ApplicationsClient, PDF_BYTES } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from '../support/demo-facts';
import { confirmOnlinePayment } from '../support/payments';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  containsText,
  DESKTOP,
  launchChromium,
  onlyThisMachine,
  screenshot,
  signInThroughPage,
} from './support/browser';

const SUBJECT = 'Hồ sơ đăng ký hộ kinh doanh trễ hạn';
const BODY = 'Hồ sơ của tôi đã quá hạn một tuần mà tôi chưa nhận được thông báo nào.';
const ANSWER = 'Hồ sơ đã được giải quyết; cơ quan xin lỗi ông/bà vì sự chậm trễ.';

/**
 * Feedback in a real browser (docs/feedback.md, "Portal pages"): a citizen files it about their file
 * after a form with errors, the clerk answers it from the feedback queue, the citizen rates the answer;
 * someone without an account files about an agency and is shown the code and secret. Each page at
 * phone and desktop width, with no serious accessibility problem.
 */
describe('feedback pages in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let citizen: Page;
  let clerk: Page;
  const problems: AxeProblem[] = [];
  let itemPath = '';

  const newPage = async () => {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(15_000);
    await onlyThisMachine(context);
    return context.newPage();
  };
  const look = async (page: Page, name: string) => {
    problems.push(...(await accessibilityProblems(page, name)));
    await screenshot(page, name);
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    const tokens = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    const apps = new ApplicationsClient(stack.apiUrl);
    const draft = await apps.create(tokens, HOUSEHOLD, HOUSEHOLD_FORM);
    expect((await apps.upload(tokens, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-FEEDBACK-BROWSER');
    expect((await apps.act(tokens, draft.body.id, 'submit')).status).toBe(200);
    browser = await launchChromium();
    citizen = await newPage();
    clerk = await newPage();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('files feedback about a file, keeping what was typed through an error', async () => {
    await signInThroughPage(citizen, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    await citizen.getByRole('link', { name: 'Phản ánh, kiến nghị' }).first().click();
    await citizen.waitForURL(/\/my\/feedback$/);
    await citizen.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await citizen.check('#kind-feedback');
    await citizen.check('#about-file');
    await citizen.selectOption('#applicationId', { index: 1 });
    await citizen.fill('#subject', SUBJECT);
    await citizen.fill('#body', 'Quá hạn');
    await citizen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await containsText(citizen.locator('.govuk-error-summary'), 'Về khâu nào của hồ sơ');
    expect(await citizen.inputValue('#subject')).toBe(SUBJECT);
    expect(await citizen.inputValue('#body')).toBe('Quá hạn');
    await look(citizen, 'feedback-form-errors');
    await citizen.check('#aspect-lateness');
    await citizen.fill('#body', BODY);
    await citizen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await citizen.waitForURL(/\/my\/feedback\/[0-9a-f-]{36}\?notice=feedbackFiled$/);
    itemPath = new URL(citizen.url()).pathname;
    await containsText(citizen.locator('main'), 'Chờ trả lời');
    await look(citizen, 'feedback-filed');
  });

  it('is answered by the clerk from the feedback queue', async () => {
    await signInThroughPage(clerk, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    await clerk.goto('/staff/feedback');
    await look(clerk, 'feedback-queue');
    await clerk.getByRole('row', { name: SUBJECT }).getByRole('link').first().click();
    await clerk.fill('#answer', ANSWER);
    await look(clerk, 'feedback-answer-form');
    await clerk.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await clerk.waitForURL(/notice=feedbackAnswered$/);
    await containsText(clerk.locator('#answer-text'), ANSWER);
  });

  it('is rated by its author', async () => {
    await citizen.goto(itemPath);
    await containsText(citizen.locator('#answer-text'), ANSWER);
    await citizen.check('#rating-satisfied');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.waitForURL(/notice=feedbackRated$/);
    await containsText(citizen.locator('main'), 'Đã đánh giá');
    await look(citizen, 'feedback-rated');
  });

  it('shows someone without an account the code and secret to write down', async () => {
    const visitor = await newPage();
    await visitor.goto('/feedback/new');
    await visitor.check('#kind-petition');
    await visitor.selectOption('#agencyCode', 'QN-HL');
    await visitor.fill('#subject', 'Thêm chỗ ngồi chờ');
    await visitor.fill('#body', 'Đề nghị bố trí thêm chỗ ngồi chờ tại bộ phận một cửa.');
    await visitor.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await containsText(visitor.locator('.govuk-warning-text'), 'Hãy ghi lại mã và mã bí mật');
    expect(await visitor.locator('#filed-secret').innerText()).toMatch(/^[A-Z0-9]{16}$/);
    await look(visitor, 'feedback-anonymous-filed');
    expect(problems).toEqual([]);
  });
});
