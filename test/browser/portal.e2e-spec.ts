import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PaymentSandbox } from '@onegate/payments';
import { User } from '@onegate/persistence';
import { Clock } from '@onegate/platform';
import type { ReportFigures } from '@onegate/reporting';

import { formatNumber, formatPercent } from '../../apps/api/src/web/core/formatters';
import { PDF_BYTES } from '../support/applications';
import {
  bearer,
  DEMO_ACCOUNTS,
  newCitizen,
  signIn as signInToApi,
  verifyMailedAddress,
} from '../support/accounts';
import { request } from '../support/http';
import { tokenMailedTo } from '../support/mailed-links';
import { notifying, payingThrough, startTestSandbox } from '../support/payment-sandbox';
import type { TestIdentityProvider } from '../support/test-identity-provider';
import { withTestIdentityProvider } from '../support/test-identity-provider';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  containsText,
  DESKTOP,
  fitsWidth,
  hasLanguage,
  hasText,
  hasValue,
  launchChromium,
  NARROW_PHONE,
  onlyThisMachine,
  screenshot,
} from './support/browser';
import { activate, tabTo } from './support/keyboard';

const PASSWORD = 'OneGate-demo-2026';
/** A Tuesday morning in Ha Long: every time on the pages is computed from it. */
const NOW = new Date('2026-03-10T09:00:00+07:00');
const PROCEDURE = '1.001612';

/**
 * The portal as people use it, in a real browser: a citizen signs up and applies online, a clerk asks
 * for a supplement, the citizen supplies it, the clerk decides and OneGate signs, the citizen gets the
 * result. Every page visited is checked for serious accessibility problems.
 */
describe('the portal in a browser', () => {
  let stack: TestStack;
  let identityProvider: TestIdentityProvider;
  let sandbox: PaymentSandbox;
  let browser: Browser;
  let citizen: Page;
  let clerk: Page;
  const contexts: BrowserContext[] = [];
  const problems: AxeProblem[] = [];
  const account = newCitizen({ fullName: 'Trần Thị Bình' });
  let applicationUrl = '';
  let receiptCode = '';
  let resultPdf: Buffer = Buffer.alloc(0);

  /** Opens a page for one person; the language cookie starts Vietnamese, as OneGate does. */
  async function personPage(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: stack.apiUrl, locale: 'vi-VN' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  /** Every page visited is checked; pages shown in the README are also photographed. */
  async function check(page: Page, name: string, photograph = false): Promise<void> {
    problems.push(...(await accessibilityProblems(page, name)));
    if (photograph) await screenshot(page, name);
  }

  async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
    await page.goto('/sign-in');
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
      page.press('#password', 'Enter'),
    ]);
  }

  /** A page of the phone journey: checked like every page, and no wider than the phone. */
  async function checkOnPhone(page: Page, name: string): Promise<void> {
    await check(page, name);
    await fitsWidth(page, name);
  }

  async function act(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) {
    const form = page.locator(`#action-${action} form`);
    await fill(form);
    await Promise.all([page.waitForURL(/notice=acted/), form.locator('button[type=submit]').click()]);
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox(() => stack.api.get(Clock).now());
    const started = await withTestIdentityProvider({ configure: payingThrough(sandbox) });
    identityProvider = started.provider;
    stack = await TestStack.start(started.options);
    notifying(sandbox, stack);
    stack.freezeClock(NOW);
    browser = await launchChromium();
    citizen = await personPage();
    clerk = await personPage();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
    await identityProvider?.stop();
    await sandbox?.close();
  });

  it('finds a procedure from the home page, with the keyboard', async () => {
    await citizen.goto('/');
    await hasLanguage(citizen.locator('html'), 'vi');
    await check(citizen, 'home', true);
    await citizen.focus('#q');
    await citizen.keyboard.type('ho kinh doanh');
    await Promise.all([citizen.waitForURL(/q=ho/), citizen.keyboard.press('Enter')]);
    await citizen.getByRole('link', { name: 'Đăng ký thành lập hộ kinh doanh' }).click();
    await citizen.waitForURL(`**/procedures/${PROCEDURE}`);
    expect(await citizen.locator('main').innerText()).toContain('100.000');
    await check(citizen, 'procedure', true);
  });

  it('signs up from the procedure page and starts an application', async () => {
    await citizen.getByRole('button', { name: 'Đăng nhập để nộp hồ sơ' }).click();
    await citizen.waitForURL(/\/sign-in/);
    await check(citizen, 'sign-in');
    await citizen.getByRole('link', { name: 'Đăng ký tài khoản công dân' }).click();
    await citizen.waitForURL(/\/sign-up/);
    // A mistake first: the form names the field that is wrong.
    await citizen.focus('#fullName');
    for (const value of [
      account.fullName,
      account.nationalId,
      account.email,
      account.phone,
      account.password,
      'not the same',
    ]) {
      await citizen.keyboard.type(value);
      await citizen.keyboard.press('Tab');
    }
    await Promise.all([citizen.waitForLoadState('load'), citizen.keyboard.press('Enter')]);
    await containsText(citizen.locator('.govuk-error-summary'), 'Nhập lại mật khẩu');
    await check(citizen, 'sign-up', true);
    await citizen.fill('#password', account.password);
    await citizen.fill('#passwordConfirmation', account.password);
    await Promise.all([
      citizen.waitForURL(`**/procedures/${PROCEDURE}`),
      citizen.press('#passwordConfirmation', 'Enter'),
    ]);
    // The address is confirmed with the link mailed to it, before anything is submitted.
    const token = await tokenMailedTo(stack.api, account.email, '/verify-email');
    await citizen.goto(`/verify-email?token=${token}`);
    await check(citizen, 'verify-email', true);
    await Promise.all([
      citizen.waitForURL(/notice=emailVerified/),
      citizen.getByRole('button', { name: 'Xác nhận địa chỉ' }).click(),
    ]);
    await citizen.goto(`/procedures/${PROCEDURE}`);
    await citizen.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.waitForURL(/\/my\/applications\/[0-9a-f-]+\/edit/);
    await hasValue(citizen.locator('#field-fullName'), account.fullName);
  });

  it('fills the form, is told what is missing, and submits with the document', async () => {
    await citizen.fill('#field-businessName', 'Quán phở Bình');
    await citizen.fill('#field-capital', 'một trăm triệu');
    await citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await citizen.waitForLoadState('load');
    const summary = citizen.locator('.govuk-error-summary');
    await containsText(summary, 'Vốn kinh doanh (đồng): phải là một số');
    await citizen.locator('#field-capital-error').waitFor();
    await check(citizen, 'application-form', true);
    await citizen.fill('#field-capital', '100000000');
    await citizen.getByRole('button', { name: 'Lưu nháp' }).click();
    await citizen.waitForURL(/notice=saved/);
    await citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await citizen.waitForLoadState('load');
    await containsText(citizen.locator('.govuk-error-summary'), 'cần đính kèm giấy tờ này');
    // The page's script says, before sending, what the server would say of a file over the limit.
    await citizen.setInputFiles('#document-0', {
      name: 'ban-quet.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]),
    });
    await containsText(citizen.locator('#document-0-check'), 'tệp quá lớn, tối đa 5 MB');
    await citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await citizen.locator('#document-0:focus').waitFor();
    await check(citizen, 'application-form-upload', true);
    await citizen.setInputFiles('#document-0', {
      name: 'de-nghi.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await Promise.all([
      citizen.waitForURL(/notice=submitted/),
      citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click(),
    ]);
    applicationUrl = new URL(citizen.url()).pathname;
    await containsText(citizen.locator('h1'), 'Đã nộp');
  });

  it('pays the fee online through the payment gateway, after a failed attempt, told each outcome in words', async () => {
    await Promise.all([
      citizen.waitForURL(/\/paymentv2\/vpcpay\.html/),
      citizen.getByRole('button', { name: /Thanh toán trực tuyến/ }).click(),
    ]);
    await screenshot(citizen, 'payment-gateway'); // the sandbox's page, not OneGate's: photographed, not audited
    // The first attempt fails at the bank; the citizen is told so in words and pays again.
    await Promise.all([
      citizen.waitForURL(/\/payments\/return\?/),
      citizen.getByRole('button', { name: 'Không đủ số dư / Fail' }).click(),
    ]);
    await containsText(citizen.locator('[role=status]'), 'Thanh toán không thành công');
    await Promise.all([
      citizen.waitForURL((url) => url.pathname === applicationUrl),
      citizen.getByRole('link', { name: 'Thanh toán lại' }).click(),
    ]);
    expect(await citizen.locator('main').innerText()).not.toContain('đã thanh toán');
    await Promise.all([
      citizen.waitForURL(/\/paymentv2\/vpcpay\.html/),
      citizen.getByRole('button', { name: /Thanh toán trực tuyến/ }).click(),
    ]);
    await Promise.all([
      citizen.waitForURL(/\/payments\/return\?/),
      citizen.getByRole('button', { name: 'Thanh toán / Pay' }).click(),
    ]);
    await containsText(citizen.locator('[role=status]'), 'thanh toán thành công');
    await check(citizen, 'payment-return', true);
    await Promise.all([
      citizen.waitForURL((url) => url.pathname === applicationUrl),
      citizen.getByRole('link', { name: 'Quay lại hồ sơ' }).click(),
    ]);
    expect(await citizen.locator('main').innerText()).toContain('đã thanh toán');
    expect(await citizen.getByRole('button', { name: /Thanh toán trực tuyến/ }).count()).toBe(0);
    await check(citizen, 'citizen-application', true);
  });

  it('lets the clerk receive the file from the queue and ask for a supplement', async () => {
    await signIn(clerk, DEMO_ACCOUNTS.clerk);
    await clerk.waitForURL('**/staff/queue');
    await check(clerk, 'clerk-queue', true);
    await clerk
      .locator('tr', { hasText: account.fullName })
      .getByRole('link', { name: /^QN-HL-260310-\d{4}$/ })
      .click();
    await act(clerk, 'receive', async () => {});
    receiptCode = (await clerk.locator('h1').innerText()).split(' ')[0];
    expect(receiptCode).toMatch(/^QN-HL-260310-\d{4}$/);
    await check(clerk, 'clerk-application', true);
    // The supplement request needs its reason: leaving it out is named on the form.
    const request = clerk.locator('#action-request_supplement form');
    await request.locator('input[name=missingDocuments]').first().check();
    await request.locator('button[type=submit]').click();
    await clerk.waitForLoadState('load');
    await containsText(clerk.locator('#action-request_supplement .govuk-error-summary'), 'Lý do');
    await act(clerk, 'request_supplement', async (form) => {
      await form.locator('textarea[name=reason]').fill('Bản scan không đọc được');
      await form.locator('input[name=missingDocuments]').first().check();
      await form.locator('textarea[name=missingOther]').fill('Hợp đồng thuê nhà');
    });
    await containsText(clerk.locator('h1'), 'Chờ bổ sung');
  });

  it('lets the citizen answer the supplement request with a new document', async () => {
    await citizen.goto('/my/applications');
    await check(citizen, 'my-applications');
    await citizen.getByRole('link', { name: receiptCode }).click();
    await containsText(citizen.locator('main'), 'Bản scan không đọc được');
    await citizen.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    await citizen.waitForURL(/\/edit$/);
    await check(citizen, 'supplement-form', true);
    // One upload per requested item: sending with the lease missing names it, and keeps the other file.
    await citizen.setInputFiles('#item-0', {
      name: 'de-nghi-ro.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await citizen.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await citizen.waitForLoadState('load');
    await containsText(citizen.locator('.govuk-error-summary'), 'Hợp đồng thuê nhà');
    expect(await citizen.locator('.govuk-error-summary').innerText()).not.toContain('Giấy đề nghị');
    await citizen.setInputFiles('#item-1', {
      name: 'hop-dong.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await Promise.all([
      citizen.waitForURL(/notice=supplemented/),
      citizen.getByRole('button', { name: 'Gửi bổ sung' }).click(),
    ]);
    await containsText(citizen.locator('h1'), 'Đang xử lý');
  });

  it('lets the clerk write an apology letter, approve, and return the signed result', async () => {
    await clerk.reload();
    await containsText(clerk.locator('#supplement-answers'), 'hop-dong.pdf');
    await check(clerk, 'supplement-answers', true);
    await act(clerk, 'extend', async (form) => {
      await form.locator('textarea[name=reason]').fill('Cần xác minh thêm với cơ quan thuế');
      await form.locator('input[name=appointmentAt]').fill('2026-03-20T15:00');
    });
    await act(clerk, 'approve', async () => {});
    // OneGate's worker signs the result; the clerk then returns it online.
    for (
      let attempt = 0;
      attempt < 100 && (await clerk.locator('#action-return').count()) === 0;
      attempt += 1
    ) {
      await clerk.waitForTimeout(200);
      await clerk.reload();
    }
    await act(clerk, 'return', async () => {});
    await containsText(clerk.locator('h1'), 'Đã trả kết quả');
  });

  it('shows the citizen the result, the timeline and a download', async () => {
    await citizen.goto(applicationUrl);
    await containsText(citizen.locator('h1'), 'Đã trả kết quả');
    const timeline = await citizen.locator('.onegate-timeline').innerText();
    for (const step of [
      'Tiếp nhận',
      'Yêu cầu bổ sung',
      'Thư xin lỗi, hẹn lại',
      'Phê duyệt',
      'Ký số bởi hệ thống',
      'Trả kết quả',
    ]) {
      expect(timeline).toContain(step);
    }
    const download = citizen.getByRole('link', { name: /Tải kết quả đã ký/ });
    const result = await citizen.request.get((await download.getAttribute('href'))!);
    expect(result.status()).toBe(200);
    resultPdf = await result.body();
    expect(resultPdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The forms OneGate issued on the way (receipt, supplement request, apology) open from the file too.
    const receipt = citizen.getByRole('link', { name: /Giấy tiếp nhận hồ sơ/ });
    for (let attempt = 0; attempt < 50 && (await receipt.count()) === 0; attempt += 1) {
      await citizen.waitForTimeout(200);
      await citizen.reload();
    }
    const slip = await citizen.request.get((await receipt.getAttribute('href'))!);
    expect(slip.headers()['content-disposition']).toMatch(/^inline/);
    expect((await slip.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await check(citizen, 'returned-application', true);
    // The header's bell names the unread count and leads to the inbox, newest first.
    await Promise.all([
      citizen.waitForURL(/\/my\/notifications$/),
      citizen.getByRole('link', { name: /^Thông báo, \d+ chưa đọc$/ }).click(),
    ]);
    expect((await citizen.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe('Thông báo');
    await check(citizen, 'notifications', true);
    await citizen.goBack();
    await citizen.check('#score-5');
    await Promise.all([
      citizen.waitForURL(/notice=rated/),
      citizen.getByRole('button', { name: 'Gửi đánh giá' }).click(),
    ]);
  });

  it('tracks the file publicly with its code and the national ID number', async () => {
    const visitor = await personPage();
    await visitor.goto('/track');
    await visitor.fill('#code', receiptCode);
    await visitor.fill('#nationalId', account.nationalId);
    // The number goes in the form's body: the address stays /track, with nothing to keep in history.
    await Promise.all([visitor.waitForLoadState('load'), visitor.press('#nationalId', 'Enter')]);
    await containsText(visitor.locator('main'), 'Đã trả kết quả');
    expect(visitor.url()).toBe(`${stack.apiUrl}/track`);
    await check(visitor, 'tracking', true);
    await visitor.fill('#nationalId', '123');
    await Promise.all([visitor.waitForLoadState('load'), visitor.press('#nationalId', 'Enter')]);
    await visitor.locator('#nationalId-error').waitFor();
    expect(visitor.url()).toBe(`${stack.apiUrl}/track`);
    // An old link with the number in its query shows the empty form, and looks nothing up.
    await visitor.goto(`/track?code=${receiptCode}&nationalId=${account.nationalId}`);
    expect(visitor.url()).toBe(`${stack.apiUrl}/track`);
    expect(await visitor.content()).not.toContain(account.nationalId);
    expect(await visitor.locator('main').innerText()).not.toContain('Đã trả kết quả');
  });

  it('checks the result from its QR code, and the PDF the citizen holds, in plain words', async () => {
    const reader = await personPage();
    await reader.goto(`/verify/${receiptCode}`);
    await containsText(reader.locator('#verdict'), `kết quả có chữ ký số cho hồ sơ ${receiptCode}`);
    await check(reader, 'verify', true);
    await reader.setInputFiles('#file', {
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: resultPdf,
    });
    await Promise.all([
      reader.waitForURL('**/verify'),
      reader.getByRole('button', { name: 'Kiểm tra tệp' }).click(),
    ]);
    await containsText(reader.locator('#verdict'), 'Tệp này là bản gốc, chưa bị sửa đổi');
    await check(reader, 'verify-file', true);
    const altered = Buffer.from(resultPdf);
    altered[altered.length >> 1] ^= 1;
    await reader.setInputFiles('#file', {
      name: 'ket-qua-sua.pdf',
      mimeType: 'application/pdf',
      buffer: altered,
    });
    await reader.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await containsText(reader.locator('#verdict'), 'Tệp này không khớp với kết quả nào OneGate đã cấp');
    await check(reader, 'verify-altered');
  });

  it('lets the clerk register a paper file handed in at the counter', async () => {
    await clerk.goto('/staff/counter');
    await clerk.selectOption('#procedure', PROCEDURE);
    await Promise.all([
      clerk.waitForURL(/procedure=/),
      clerk.getByRole('button', { name: 'Chọn thủ tục' }).click(),
    ]);
    await check(clerk, 'counter');
    await clerk.fill('#applicantNationalId', '022090001234');
    await clerk.fill('#applicantFullName', 'Nguyễn Văn An');
    await clerk.fill('#field-fullName', 'Nguyễn Văn An');
    await clerk.fill('#field-nationalId', '022090001234');
    await clerk.fill('#field-phone', '0912000111');
    await clerk.fill('#field-businessName', 'Tạp hoá An');
    await clerk.fill('#field-capital', '50000000');
    await Promise.all([
      clerk.waitForURL(/notice=registered/),
      clerk.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click(),
    ]);
    await containsText(clerk.locator('h1'), 'QN-HL-260310-');
    await containsText(clerk.locator('.onegate-timeline'), 'Tiếp nhận trực tiếp');
  });

  it('sends pages with a strict Content-Security-Policy and leaves Swagger UI working', async () => {
    const page = await fetch(`${stack.apiUrl}/`, { headers: { accept: 'text/html' } });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const docs = await fetch(`${stack.apiUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBeNull();
  });

  it('switches to English, remembers it, and answers errors as pages in both languages', async () => {
    await citizen.getByRole('link', { name: 'English' }).click();
    await hasLanguage(citizen.locator('html'), 'en');
    await containsText(citizen.locator('h1'), 'Returned');
    await citizen.goto('/my/applications');
    await hasText(citizen.locator('h1'), 'My applications');
    const missing = await citizen.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await hasText(citizen.locator('h1'), 'Page not found');
    await check(citizen, 'not-found');
    const forbidden = await citizen.goto('/admin/procedures');
    expect(forbidden?.status()).toBe(403);
    await hasText(citizen.locator('h1'), 'You cannot see this page');
    await citizen.getByRole('link', { name: 'Tiếng Việt' }).click();
    await hasText(citizen.locator('h1'), 'Bạn không có quyền xem trang này');
    const api = await citizen.request.get('/api/no-such-route');
    expect(api.headers()['content-type']).toContain('application/json');
  });

  it('sends visitors who are not signed in to the sign-in page', async () => {
    const visitor = await personPage();
    await visitor.goto('/staff/queue');
    expect(new URL(visitor.url()).pathname).toBe('/sign-in');
    expect(new URL(visitor.url()).searchParams.get('next')).toBe('/staff/queue');
  });

  it('signs a citizen in through the national identity provider, creating the account the first time', async () => {
    const person = identityProvider.addAccount({ name: 'Phạm Văn Công' });
    const users = stack.apiDataSource.getRepository(User);
    expect(await users.countBy({ email: person.email })).toBe(0);
    const page = await personPage();
    await onlyThisMachine(page.context());
    await page.goto('/sign-in');
    await Promise.all([
      page.waitForURL(`${identityProvider.issuer}/interaction/**`),
      page.getByRole('button', { name: 'Đăng nhập bằng ứng dụng định danh quốc gia' }).click(),
    ]);
    // The provider's own pages: its sign-in form (the login is the account's id), then its consent.
    await page.fill('input[name=login]', person.id);
    await page.fill('input[name=password]', 'the provider checks no password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await Promise.all([
      page.waitForURL(`${stack.apiUrl}/`),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    await containsText(page.locator('.onegate-header__user'), person.name);
    await check(page, 'home-signed-in');
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await hasText(page.locator('h1'), 'Hồ sơ của tôi');
    const created = await users.findBy({ email: person.email });
    expect(created.map((user) => [user.role, user.fullName, user.nationalId])).toEqual([
      ['citizen', person.name, person.national_id],
    ]);
  });

  describe('with the keyboard alone, in English, on a 360 px phone', () => {
    const phoneCitizen = newCitizen({ fullName: 'Lê Văn Cường' });
    let page: Page;
    let applicationPath = '';

    it('lets a citizen find a procedure, sign in and open the form', async () => {
      const registered = await request(`${stack.apiUrl}/api/auth/register`, {
        method: 'POST',
        body: phoneCitizen,
      });
      expect(registered.status).toBe(201);
      await verifyMailedAddress(stack.apiUrl, stack.api, phoneCitizen.email);
      page = await personPage(NARROW_PHONE);
      await page.goto('/');
      await activate(page, page.getByRole('link', { name: 'English' }));
      await hasLanguage(page.locator('html'), 'en');
      await checkOnPhone(page, 'home (en, phone)');
      await tabTo(page, page.locator('#q'));
      await page.keyboard.type('business household');
      await Promise.all([page.waitForURL(/q=business/), page.keyboard.press('Enter')]);
      await activate(page, page.getByRole('link', { name: 'Business household registration' }), {
        url: /\/procedures\/1\.001612$/,
      });
      await checkOnPhone(page, 'procedure (en, phone)');
      // A link drawn as a button answers Space too.
      await activate(page, page.getByRole('button', { name: 'Sign in to apply' }), {
        key: 'Space',
        url: /\/sign-in/,
      });
      await checkOnPhone(page, 'sign-in (en, phone)');
      await tabTo(page, page.locator('#username'));
      await page.keyboard.type(phoneCitizen.email);
      await tabTo(page, page.locator('#password'));
      await page.keyboard.type(phoneCitizen.password);
      await Promise.all([page.waitForURL(/\/procedures\/1\.001612$/), page.keyboard.press('Enter')]);
      await activate(page, page.getByRole('button', { name: 'Apply online' }), { url: /\/edit\?/ });
      await hasValue(page.locator('#field-fullName'), phoneCitizen.fullName);
      await checkOnPhone(page, 'application form (en, phone)');
    });

    it('lets the citizen fill the form, attach the document, submit and find the file', async () => {
      await tabTo(page, page.locator('#field-businessName'));
      await page.keyboard.type('Quán bún Cường');
      await tabTo(page, page.locator('#field-capital'));
      await page.keyboard.type('80000000');
      const submit = page.getByRole('button', { name: 'Submit application' });
      await tabTo(page, submit);
      // Back to the document field by keyboard; the system's file dialog itself is outside the page,
      // so the file is handed to the focused field directly.
      const document = page.locator('#document-0');
      await tabTo(page, document, { backwards: true });
      await document.setInputFiles({
        name: 'giay-de-nghi.pdf',
        mimeType: 'application/pdf',
        buffer: PDF_BYTES,
      });
      await activate(page, submit, { url: /notice=submitted/ });
      applicationPath = new URL(page.url()).pathname;
      await containsText(page.locator('h1'), 'Submitted');
      await checkOnPhone(page, 'citizen application (en, phone)');
      // The notice of the submission has the focus; the menu is above it, folded away on a phone.
      await tabTo(page, page.getByRole('button', { name: 'Menu' }), { backwards: true });
      await page.keyboard.press('Enter');
      await activate(page, page.getByRole('link', { name: 'My applications' }), {
        url: /\/my\/applications$/,
      });
      await checkOnPhone(page, 'my applications (en, phone)');
      await activate(page, page.locator(`a[href="${applicationPath}"]`), {
        url: /\/my\/applications\/[0-9a-f-]+$/,
      });
      expect(new URL(page.url()).pathname).toBe(applicationPath);
      await containsText(page.locator('main'), 'Quán bún Cường');
    });

    it('lets a clerk receive the file', async () => {
      const desk = await personPage(NARROW_PHONE);
      await desk.goto('/sign-in');
      await activate(desk, desk.getByRole('link', { name: 'English' }));
      await tabTo(desk, desk.locator('#username'));
      await desk.keyboard.type(DEMO_ACCOUNTS.clerk);
      await tabTo(desk, desk.locator('#password'));
      await desk.keyboard.type(PASSWORD);
      await Promise.all([desk.waitForURL('**/staff/queue'), desk.keyboard.press('Enter')]);
      await checkOnPhone(desk, 'clerk queue (en, phone)');
      await activate(desk, desk.locator('tr', { hasText: phoneCitizen.fullName }).getByRole('link').first(), {
        url: /\/staff\/applications\//,
      });
      await checkOnPhone(desk, 'clerk application (en, phone)');
      await activate(desk, desk.locator('#action-receive button[type=submit]'), { url: /notice=acted/ });
      await containsText(desk.locator('h1'), 'Received');
    });

    it('asks the citizen before withdrawing the file; going back changes nothing, confirming withdraws it', async () => {
      await page.goto(applicationPath);
      const withdraw = page.getByRole('button', { name: 'Withdraw the application' });
      await activate(page, withdraw, { url: /\/withdraw$/ });
      await containsText(page.locator('h1'), 'Withdraw this application?');
      await containsText(page.locator('main'), 'Business household registration');
      await checkOnPhone(page, 'withdraw confirmation (en, phone)');
      await activate(page, page.getByRole('link', { name: 'Do not withdraw, go back to the application' }), {
        url: /\/my\/applications\/[0-9a-f-]+$/,
      });
      await containsText(page.locator('h1'), 'Received');
      await activate(page, withdraw, { url: /\/withdraw$/ });
      await page.setViewportSize(DESKTOP);
      await screenshot(page, 'withdraw-confirmation');
      await page.setViewportSize(NARROW_PHONE);
      await activate(page, page.getByRole('button', { name: 'Confirm withdrawal' }), {
        url: /notice=withdrawn/,
      });
      await containsText(page.locator('h1'), 'Withdrawn');
      expect(await page.locator('main').innerText()).not.toContain('Withdraw the application');
    });
  });

  it('shows the supervisor the figures of the period, the same as the reports API', async () => {
    const supervisor = await personPage();
    await signIn(supervisor, DEMO_ACCOUNTS.supervisor);
    await supervisor.goto('/supervisor/dashboard?from=2026-03-01&to=2026-03-31');
    await containsText(supervisor.locator('.onegate-tiles'), 'Tỷ lệ đúng hạn');
    await supervisor.locator('canvas[data-kind=trend]').waitFor();
    expect(await supervisor.locator('a[href*="/api/reports/summary/export"]').count()).toBe(2);
    await check(supervisor, 'dashboard', true);
    const tokens = await signInToApi(stack.apiUrl, DEMO_ACCOUNTS.supervisor, PASSWORD);
    for (const [lang, agency] of [
      ['vi', ''],
      ['vi', 'QN-HL'],
      ['en', 'QN-HL'],
    ] as const) {
      if (lang === 'en') {
        await Promise.all([
          supervisor.waitForEvent('load'),
          supervisor.getByRole('link', { name: 'English' }).click(),
        ]);
      }
      await supervisor.selectOption('#agency', agency);
      await Promise.all([
        supervisor.waitForEvent('load'),
        supervisor.getByRole('button', { name: lang === 'vi' ? 'Xem' : 'Show' }).click(),
      ]);
      await hasLanguage(supervisor.locator('html'), lang);
      const query = new URLSearchParams({
        from: '2026-03-01',
        to: '2026-03-31',
        ...(agency ? { agency } : {}),
      });
      const answer = await request<ReportFigures>(`${stack.apiUrl}/api/reports/summary?${query}`, {
        headers: bearer(tokens),
      });
      expect(answer.status).toBe(200);
      const figures = answer.body;
      // The files returned online in this suite count as fully online.
      expect(figures.fullyOnline).toBeGreaterThan(0);
      const tile = (figure: string) =>
        supervisor.locator(`[data-figure=${figure}] .onegate-tile__value`).innerText();
      expect({
        fullyOnlineShare: await tile('fullyOnlineShare'),
        onTimeRate: await tile('onTimeRate'),
        medianTurnaround: await tile('medianTurnaround'),
        backlog: await tile('backlog'),
        overdue: await tile('overdue'),
      }).toEqual({
        fullyOnlineShare: formatPercent(lang, figures.fullyOnlineShare),
        onTimeRate: formatPercent(lang, figures.onTimeRate),
        medianTurnaround: formatNumber(lang, figures.turnaroundDays.p50, 2, 1),
        backlog: formatNumber(lang, figures.backlog),
        overdue: formatNumber(lang, figures.overdueBacklog),
      });
      const share = await supervisor.locator('canvas[data-kind=share]').getAttribute('data-chart');
      expect(JSON.parse(share!).data).toEqual([figures.fullyOnline, figures.returned - figures.fullyOnline]);
    }
    await check(supervisor, 'dashboard (en)');
  });

  it('lets the administrator edit a procedure, with JSON checked, and see the other consoles', async () => {
    const admin = await personPage();
    await signIn(admin, DEMO_ACCOUNTS.admin);
    await admin.goto(`/admin/procedures/${PROCEDURE}`);
    await admin.fill('#formSchema', '[{"name": "x", "type": "text"');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await admin.waitForLoadState('load');
    await containsText(admin.locator('#formSchema-error'), 'JSON');
    await admin.fill('#formSchema', '[{"name": "1x", "label": {"vi": "X", "en": "X"}, "type": "colour"}]');
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await admin.waitForLoadState('load');
    await containsText(admin.locator('#formSchema-error'), '0.type');
    await check(admin, 'admin-procedure', true);
    for (const [path, name] of [
      ['/admin/procedures', 'admin-procedures'],
      ['/admin/staff', 'admin-staff'],
      ['/admin/calendar?year=2026', 'admin-calendar'],
    ] as const) {
      await admin.goto(path);
      await check(admin, name);
    }
    const console = await admin.goto('/admin/queues');
    expect(console?.status()).toBe(200);
    const queues = await admin.request.get('/admin/queues/api/queues');
    expect(queues.status()).toBe(200);
    const anonymous = await fetch(`${stack.apiUrl}/admin/queues/api/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
  });

  it('resets a forgotten password by the mailed link, then shows the profile and changes the password', async () => {
    const person = newCitizen({ fullName: 'Ngô Thị Quên' });
    expect(
      (await request(`${stack.apiUrl}/api/auth/register`, { method: 'POST', body: person })).status,
    ).toBe(201);
    const page = await personPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.fill('#email', person.email);
    await check(page, 'forgot-password', true);
    await Promise.all([page.waitForURL(/notice=resetMailSent/), page.press('#email', 'Enter')]);

    const token = await tokenMailedTo(stack.api, person.email, '/reset-password');
    await page.goto(`/reset-password?token=${token}`);
    await page.fill('#password', 'Ha Long');
    await page.fill('#passwordConfirmation', 'Ha Long');
    await Promise.all([page.waitForLoadState('load'), page.press('#passwordConfirmation', 'Enter')]);
    await containsText(page.locator('.govuk-error-summary'), 'Mật khẩu mới');
    await check(page, 'reset-password', true);
    const newPassword = 'Lanterns over Hoi An river';
    await page.fill('#password', newPassword);
    await page.fill('#passwordConfirmation', newPassword);
    await Promise.all([
      page.waitForURL(/notice=passwordReset/),
      page.press('#passwordConfirmation', 'Enter'),
    ]);

    await signIn(page, person.email, newPassword);
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.waitForURL(/\/account$/);
    await containsText(page.locator('main'), `********${person.nationalId.slice(-4)}`);
    expect(await page.locator('main').innerText()).not.toContain(person.nationalId);
    await check(page, 'account', true);
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.fill('#currentPassword', 'not my password');
    await page.fill('#newPassword', 'Morning market in Hue');
    await page.fill('#passwordConfirmation', 'Morning market in Hue');
    await Promise.all([page.waitForLoadState('load'), page.press('#passwordConfirmation', 'Enter')]);
    await containsText(page.locator('.govuk-error-summary'), 'mật khẩu hiện tại không đúng');
    await check(page, 'change-password', true);
    await page.fill('#currentPassword', newPassword);
    await page.fill('#newPassword', 'Morning market in Hue');
    await page.fill('#passwordConfirmation', 'Morning market in Hue');
    await Promise.all([
      page.waitForURL(/notice=passwordChanged/),
      page.press('#passwordConfirmation', 'Enter'),
    ]);
  });

  it('finds no serious or critical accessibility problem on any page visited', () => {
    expect(problems).toEqual([]);
  });
});
