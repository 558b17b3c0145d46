import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn as signInToApi } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from '../support/demo-facts';
import { pdfsig, pdftotext, POPPLER_INSTALLED } from '../support/poppler';
import { letterPdf } from '../support/sample-files';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import type { DaysOff } from '../support/working-time-by-hand';
import { addWorkingHoursByHand, localTime, workingHoursBetweenByHand } from '../support/working-time-by-hand';
import type { AxeProblem } from './support/browser';
import {
  DESKTOP,
  PHONE,
  accessibilityProblems,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  pdfPageDrawn,
  phoneScreenshot,
  screenshot,
  shownText,
  shownTexts,
  signInThroughPage,
} from './support/browser';

const TAX_CLERK = 'thue@demo.onegate.vn';
const TAX_OFFICE = 'Chi cục Thuế thành phố Hạ Long';
const APPLICANT = { fullName: 'Nguyễn Văn A', nationalId: '022090001234' };

/**
 * The days around the walk as docs/working-time.md lists them ("Shipped overrides, 2025 and 2026"):
 * Monday 31 August and Tuesday 1 September 2026 are days off, Wednesday 2 September is National Day,
 * and the weekend of 29–30 August is not worked.
 */
const DAYS: DaysOff = { off: ['2026-08-31', '2026-09-01', '2026-09-02'], working: ['2026-08-22'] };
const addHours = (start: Date, hours: number) => addWorkingHoursByHand(start, hours, DAYS);
const hoursBetween = (from: Date, to: Date) => workingHoursBetweenByHand(from, to, DAYS);

/** The moments of the walk, in Ha Long (UTC+7): a Thursday before the long National Day holiday. */
const AT = {
  edited: localTime('2026-08-26T10:00:00'),
  submitted: localTime('2026-08-26T16:00:00'),
  received: localTime('2026-08-27T09:00:00'),
  forwarded: localTime('2026-08-27T14:00:00'),
  consulted: localTime('2026-08-27T14:05:00'),
  sentBack: localTime('2026-08-28T10:00:00'),
  forwardedAgain: localTime('2026-08-28T11:00:00'),
  answered: localTime('2026-09-03T09:30:00'),
  transferred: localTime('2026-09-03T10:00:00'),
  returnedByTaxOffice: localTime('2026-09-04T09:00:00'),
  decided: localTime('2026-09-04T09:30:00'),
};
/** The consultation's answer is due on Friday 28 August at 16:00, and comes after the holiday. */
const ANSWER_DUE = '2026-08-28T16:00';

/** The process the administrator gives the procedure: 2 + 14 + 6 + 2 = 24 hours, its time limit. */
const BUDGETS = [2, 14, 6, 2];

/** An instant as the portal shows it in Vietnamese (the display format, not the due-time arithmetic). */
const shown = (at: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(at);
const hoursShown = (hours: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(hours);

/**
 * The clerks' desk walked end to end in a real browser (docs/portal.md, "Browser tests"): the
 * administrator gives a procedure four steps, the third held by the tax office; a citizen's file is
 * received, forwarded, sent back and forwarded again, transferred to the tax office and back with its
 * opinion, while a consultation is answered after its due time; the file page shows every step's due
 * time as the working calendar gives it; the supervisor's step report shows where the file stalled; the
 * clerk finds the file on a phone, previews its PDF, uploads the agency's own result and decides, and
 * the result comes back signed.
 */
describe(`the clerks’ desk, walked in a browser (${testDatabaseKind()})`, { timeout: 240_000 }, () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let clerk: Page;
  let taxClerk: Page;
  let fileId = '';
  let code = '';
  let documentId = '';
  const problems: AxeProblem[] = [];
  let password = '';

  /** A person at their own browser, signed in through the sign-in page. */
  async function person(locale: 'vi-VN' | 'en-GB', username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: stack.apiUrl, locale });
    // The machine running the suite may be busy: a page gets more time than in the smaller suites.
    context.setDefaultTimeout(45_000);
    await onlyThisMachine(context);
    contexts.push(context);
    if (locale === 'en-GB') {
      await context.addCookies([{ name: 'onegate_lang', value: 'en', url: stack.apiUrl }]);
    }
    const page = await context.newPage();
    await signInThroughPage(page, username, password);
    return page;
  }
  /** OneGate's clock at a moment of the walk (the sessions' own lifetimes run on real time). */
  const at = (moment: Date) => stack.freezeClock(moment);
  /** Presses a form's button and waits for the page the answer leads to. */
  async function press(page: Page, button: Locator): Promise<void> {
    await Promise.all([page.waitForEvent('load'), button.click()]);
  }
  async function look(page: Page, name: string): Promise<void> {
    problems.push(...(await accessibilityProblems(page, name)));
    await screenshot(page, name);
  }
  const filePage = (page: Page) => page.goto(`/staff/applications/${fileId}`);
  const action = (page: Page, name: string) => page.locator(`#action-${name}`);

  beforeAll(async () => {
    stack = await TestStack.start();
    password = stack.config.demoPassword!;
    browser = await launchChromium();
    stack.freezeClock(AT.edited);
    clerk = await person('vi-VN', DEMO_ACCOUNTS.clerk);
    // The tax office's clerk works in English: every page they see must be in English.
    taxClerk = await person('en-GB', TAX_CLERK);
  }, 90_000);

  afterAll(async () => {
    stack?.freezeClock(null);
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
  });

  it('lets the administrator give the procedure four steps, the third held by the tax office', async () => {
    at(AT.edited);
    const admin = await person('vi-VN', DEMO_ACCOUNTS.admin);
    await admin.goto(`/admin/procedures/${HOUSEHOLD}`);
    expect(await admin.locator('.onegate-step-row').count()).toBe(4);
    await admin.fill('#step-3-nameVi', 'Xác định nghĩa vụ tài chính');
    await admin.fill('#step-3-nameEn', 'Tax assessment');
    await admin.selectOption('#step-3-holderRole', 'clerk');
    const taxOffice = admin.locator('#step-3-holderAgencyId option', { hasText: 'QN-THUE-HL' });
    await admin.selectOption('#step-3-holderAgencyId', (await taxOffice.getAttribute('value'))!);
    for (const [index, hours] of BUDGETS.entries())
      await admin.fill(`#step-${index + 1}-budgetHours`, `${hours}`);
    await press(admin, admin.getByRole('button', { name: 'Lưu', exact: true }));
    expect(new URL(admin.url()).searchParams.get('notice')).toBe('procedureSaved');
    expect(await admin.inputValue('#step-3-nameVi')).toBe('Xác định nghĩa vụ tài chính');
    await admin.context().close();

    const catalogue = await clerk.goto(`/procedures/${HOUSEHOLD}`);
    expect(catalogue!.status()).toBe(200);
    expect(await clerk.locator('main').innerText()).toContain(`${TAX_OFFICE} (liên thông)`);
  });

  it('receives the citizen’s file at step 1 and forwards it', async () => {
    // The citizen's own journey is walked in portal.e2e-spec.ts: here they submit through the API.
    at(AT.submitted);
    const apps = new ApplicationsClient(stack.apiUrl);
    const citizen = await signInToApi(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    fileId = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body.id;
    const pdf = await letterPdf(['GIAY DE NGHI DANG KY HO KINH DOANH', 'Nguyen Van A'], 2);
    documentId = (await apps.upload(citizen, fileId, HOUSEHOLD_DOCUMENT, pdf, 'de-nghi.pdf')).body
      .id as string;
    expect((await apps.act(citizen, fileId, 'submit')).status).toBe(200);

    at(AT.received);
    await filePage(clerk);
    await press(clerk, action(clerk, 'receive').getByRole('button', { name: 'Tiếp nhận' }));
    code = (await clerk.locator('h1').innerText()).split(/\s/)[0]!;
    expect(code).toMatch(/^QN-HL-260826-\d{4}$/);
    const current = clerk.locator('.onegate-process__step--current');
    expect(await current.innerText()).toContain(`Hạn của bước: ${shown(addHours(AT.received, 2))}`);

    at(AT.forwarded);
    await filePage(clerk);
    await press(clerk, action(clerk, 'forward').getByRole('button', { name: 'Chuyển bước tiếp theo' }));
    expect(await current.innerText()).toContain('Bước 2.');
  });

  it('asks the tax office for its opinion, with an answer due time', async () => {
    at(AT.consulted);
    await filePage(clerk);
    const form = action(clerk, 'consult');
    await form.getByLabel(TAX_OFFICE).check();
    await form.locator('#consult-reason').fill('Đề nghị cho ý kiến về nghĩa vụ thuế của hộ kinh doanh.');
    await form.locator('#consult-answerDueAt').fill(ANSWER_DUE);
    await press(clerk, form.getByRole('button', { name: 'Xin ý kiến' }));
    const asked = clerk.locator('#consultation-QN-THUE-HL');
    expect(await asked.innerText()).toContain('Đang chờ trả lời');
    expect(await asked.innerText()).toContain(shown(localTime(`${ANSWER_DUE}:00`)));
  });

  it('sends the file back from step 2 to step 1 with a reason, and forwards it again', async () => {
    at(AT.sentBack);
    await filePage(clerk);
    const form = action(clerk, 'send_back');
    await form.locator('#send_back-step').selectOption('1');
    await form.locator('#send_back-reason').fill('Thiếu chữ ký của chủ hộ trên giấy đề nghị');
    await press(clerk, form.getByRole('button', { name: 'Trả lại bước trước' }));
    const current = clerk.locator('.onegate-process__step--current');
    expect(await current.innerText()).toContain('Bước 1.');

    at(AT.forwardedAgain);
    await filePage(clerk);
    await press(clerk, action(clerk, 'forward').getByRole('button', { name: 'Chuyển bước tiếp theo' }));
    expect(await current.innerText()).toContain('Bước 2.');
  });

  it('shows the tax office its consultation in its queue, answered after its due time, so late', async () => {
    at(AT.answered);
    await taxClerk.goto('/staff/queue');
    expect(await taxClerk.locator('html').getAttribute('lang')).toBe('en');
    const asked = taxClerk.locator('#consulted-files');
    expect(await asked.innerText()).toContain(code);
    expect(await asked.innerText()).toContain('Overdue');
    await press(taxClerk, asked.getByRole('link', { name: code }));
    expect(await taxClerk.locator('main').innerText()).not.toContain(APPLICANT.nationalId);
    const form = action(taxClerk, 'answer_consultation');
    await form.locator('#answer_consultation-opinion').fill('Hộ kinh doanh nộp thuế khoán theo quý.');
    await press(taxClerk, form.getByRole('button', { name: 'Answer the consultation' }));
    expect(new URL(taxClerk.url()).pathname).toBe('/staff/queue');

    await filePage(clerk);
    const answered = clerk.locator('#consultation-QN-THUE-HL');
    expect(await answered.innerText()).toContain('Đã trả lời quá hạn');
    expect(await answered.locator('.onegate-tag--overdue').count()).toBe(1);
    expect(await answered.innerText()).toContain(shown(AT.answered));
  });

  it('transfers step 3 to the tax office, which finds the file, sees the restricted view and answers', async () => {
    at(AT.transferred);
    await filePage(clerk);
    await press(clerk, action(clerk, 'forward').getByRole('button', { name: 'Chuyển bước tiếp theo' }));
    expect(await clerk.locator('.onegate-process__step--current').innerText()).toContain(TAX_OFFICE);

    at(AT.returnedByTaxOffice);
    await taxClerk.goto('/staff/queue');
    const row = taxClerk.locator('#queue tbody tr', { hasText: code });
    expect(await row.innerText()).toContain('Step 3');
    await press(taxClerk, row.getByRole('link', { name: code }));
    expect(await taxClerk.locator('#restricted-view').count()).toBe(1);
    const seen = await taxClerk.locator('main').innerText();
    expect(seen).toContain(APPLICANT.fullName);
    expect(seen).not.toContain(APPLICANT.nationalId);
    expect(seen).not.toContain(HOUSEHOLD_FORM.businessName);
    await look(taxClerk, 'walk-transfer-restricted');
    const form = action(taxClerk, 'forward');
    await form.locator('#forward-opinion').fill('Thuế khoán 1% doanh thu');
    // An amount written in words is refused in plain words, and what was typed is kept.
    await form.locator('#forward-amountDue').fill('một triệu hai');
    await press(taxClerk, form.getByRole('button', { name: 'Forward to the next step' }));
    const refused = action(taxClerk, 'forward');
    expect(await refused.locator('#forward-amountDue-error').innerText()).toContain(
      'must be an amount in dong, e.g. 1250000 or 1,250,000',
    );
    expect(await refused.locator('#forward-opinion').inputValue()).toBe('Thuế khoán 1% doanh thu');
    expect(await refused.locator('#forward-amountDue').inputValue()).toBe('một triệu hai');
    await refused.scrollIntoViewIfNeeded();
    await look(taxClerk, 'walk-transfer-refused');
    // Typed with the thousands dots a Vietnamese clerk writes, it is taken.
    await refused.locator('#forward-amountDue').fill('1.250.000');
    await press(taxClerk, refused.getByRole('button', { name: 'Forward to the next step' }));
    expect(new URL(taxClerk.url()).pathname).toBe('/staff/queue');
  });

  it('shows the timeline, and each step’s due time as the working calendar gives it', async () => {
    at(AT.returnedByTaxOffice);
    await filePage(clerk);
    const entries = clerk.locator('.onegate-timeline__item');
    // Each step entered, with the due time counted here by hand from the calendar's rules.
    const entered: [string, number, Date, number][] = [
      ['Tiếp nhận', 1, AT.received, BUDGETS[0]!],
      ['Chuyển bước tiếp theo', 2, AT.forwarded, BUDGETS[1]!],
      ['Trả lại bước trước', 1, AT.sentBack, BUDGETS[0]!],
      ['Chuyển bước tiếp theo', 2, AT.forwardedAgain, BUDGETS[1]!],
      ['Chuyển bước tiếp theo', 3, AT.transferred, BUDGETS[2]!],
      ['Chuyển bước tiếp theo', 4, AT.returnedByTaxOffice, BUDGETS[3]!],
    ];
    const texts = await entries.allInnerTexts();
    const steps = texts.filter((text) => text.includes('Hạn của bước'));
    expect(steps).toHaveLength(entered.length);
    for (const [index, [title, position, from, budget]] of entered.entries()) {
      expect(steps[index]).toContain(title);
      expect(steps[index]).toContain(shown(from));
      expect(steps[index]).toContain(`Bước ${position}`);
      expect(steps[index]).toContain(`Hạn của bước: ${shown(addHours(from, budget))}`);
    }
    // Spot checks of the rules themselves: the holiday is skipped, and hours that run out at the end
    // of the day end there (17:00), not at the next morning's start.
    expect(addHours(AT.forwarded, 14)).toEqual(localTime('2026-09-03T11:00:00'));
    expect(addHours(AT.transferred, 6)).toEqual(localTime('2026-09-03T17:00:00'));
    expect(steps[2]).toContain('Thiếu chữ ký của chủ hộ trên giấy đề nghị');
    expect(steps[5]).toContain('Thuế khoán 1% doanh thu');
    expect(steps[5]).toContain('1.250.000');
    const dueAt = clerk.locator('.govuk-summary-list__row', { hasText: 'Hạn trả kết quả' });
    expect(await dueAt.innerText()).toContain(shown(addHours(AT.received, 24)));
    await look(clerk, 'walk-file-timeline');
    // On a phone, the picture is of the timeline itself.
    await clerk.setViewportSize(PHONE);
    await clerk.locator('.onegate-timeline__item').nth(6).scrollIntoViewIfNeeded();
    await fitsWidth(clerk, 'the file page on a phone');
    await phoneScreenshot(clerk, 'walk-file-timeline');
    await clerk.setViewportSize(DESKTOP);
  });

  it('shows the supervisor, on the dashboard, the transfer step as where the file stalled', async () => {
    at(AT.returnedByTaxOffice);
    const supervisor = await person('vi-VN', DEMO_ACCOUNTS.supervisor);
    await supervisor.goto('/supervisor/dashboard');
    await supervisor.fill('#from', '2026-08-27');
    await supervisor.fill('#to', '2026-09-04');
    await press(supervisor, supervisor.getByRole('button', { name: 'Xem' }));
    const rows = supervisor.locator('#by-step tbody tr');
    // The stretches, measured here by hand: step 1 twice (the first late), step 2 twice, step 3 once
    // (late: it ended the next morning, after its 17:00 due time). Step 4 is still open.
    const stretches = {
      1: [hoursBetween(AT.received, AT.forwarded), hoursBetween(AT.sentBack, AT.forwardedAgain)],
      2: [hoursBetween(AT.forwarded, AT.sentBack), hoursBetween(AT.forwardedAgain, AT.transferred)],
      3: [hoursBetween(AT.transferred, AT.returnedByTaxOffice)],
    };
    const lateness = {
      1: hoursBetween(addHours(AT.received, BUDGETS[0]!), AT.forwarded),
      3: hoursBetween(addHours(AT.transferred, BUDGETS[2]!), AT.returnedByTaxOffice),
    };
    expect(lateness[1]).toBeGreaterThan(0);
    expect(lateness[3]).toBeGreaterThan(0);
    const first = await shownText(rows.first());
    expect(first).toContain('3. Xác định nghĩa vụ tài chính');
    const cells = (await shownTexts(rows.first().locator('td'))).map((text) => text.trim());
    const hours3 = stretches[3].reduce((sum, hours) => sum + hours, 0);
    expect(cells).toEqual(['1', hoursShown(hours3), hoursShown(hours3), '1', hoursShown(lateness[3])]);
    const second = (await shownTexts(rows.nth(1).locator('td'))).map((text) => text.trim());
    const hours1 = stretches[1].reduce((sum, hours) => sum + hours, 0);
    expect(second).toEqual(['2', hoursShown(hours1), hoursShown(hours1 / 2), '1', hoursShown(lateness[1])]);
    const third = await shownText(rows.nth(2));
    expect(third).toContain('2. Thẩm định hồ sơ');
    const taxUnit = supervisor.locator('#by-unit tbody tr', { hasText: TAX_OFFICE });
    expect(await shownText(taxUnit.locator('td').first())).toBe('1');
    await look(supervisor, 'walk-dashboard-steps');
    await supervisor.context().close();
  });

  it('finds the file on a 375 px phone by receipt code, unaccented name and national ID', async () => {
    await clerk.setViewportSize(PHONE);
    const rows = clerk.locator('#queue tbody tr');
    const found = async (what: string) => {
      const row = rows.filter({ hasText: code });
      expect(await row.count(), what).toBe(1);
      const text = await row.innerText();
      expect(text, what).toContain('Đang xử lý');
      expect(text, what).toContain(shown(addHours(AT.received, 24)));
      await fitsWidth(clerk, `the queue searched by ${what}`);
    };
    await clerk.goto('/staff/queue');
    await clerk.fill('#q', code);
    await press(clerk, clerk.getByRole('button', { name: 'Tìm', exact: true }));
    await found('receipt code');
    await clerk.fill('#q', 'nguyen van a');
    await press(clerk, clerk.getByRole('button', { name: 'Tìm', exact: true }));
    expect(new URL(clerk.url()).searchParams.get('q')).toBe('nguyen van a');
    await found('name without accents');
    await clerk.goto('/staff/queue');
    await clerk.getByText('Tìm theo số định danh cá nhân hoặc số điện thoại').click();
    await clerk.fill('#nationalId', APPLICANT.nationalId);
    await press(clerk, clerk.locator('#nationalId').locator('xpath=ancestor::form').getByRole('button'));
    expect(clerk.url()).not.toContain(APPLICANT.nationalId);
    await found('national ID');
    await clerk.setViewportSize(DESKTOP);
    await look(clerk, 'walk-queue-search');
    await clerk.setViewportSize(PHONE);
    await rows.filter({ hasText: code }).scrollIntoViewIfNeeded();
    await phoneScreenshot(clerk, 'walk-queue-search');
    await clerk.setViewportSize(DESKTOP);
  });

  it('previews the citizen’s PDF on the file page', async () => {
    await filePage(clerk);
    const item = clerk.locator('.onegate-checklist__item').first();
    await press(clerk, item.getByRole('link', { name: /^Xem/ }));
    expect(new URL(clerk.url()).searchParams.get('preview')).toBe(documentId);
    expect((await pdfPageDrawn(clerk, 1)).inked).toBeGreaterThan(200);
  });

  it.skipIf(!POPPLER_INSTALLED)(
    'takes the agency’s own result, decides online, and gives back a result OneGate signed validly',
    async () => {
      at(AT.decided);
      await filePage(clerk);
      // At the last step there is no next one: the page offers no forward.
      expect(await action(clerk, 'forward').count()).toBe(0);
      const own = await letterPdf(['QUYET DINH so 27/QD-UBND', 'Cap giay chung nhan ho kinh doanh']);
      await clerk.setInputFiles('#result-file', {
        name: 'quyet-dinh.pdf',
        mimeType: 'application/pdf',
        buffer: own,
      });
      await press(clerk, clerk.getByRole('button', { name: 'Tải lên kết quả', exact: true }));
      expect(new URL(clerk.url()).searchParams.get('notice')).toBe('resultUploaded');
      expect(await clerk.locator('#drafted-result').innerText()).toContain('quyet-dinh.pdf');
      await press(clerk, action(clerk, 'approve').getByRole('button', { name: 'Phê duyệt' }));

      // The worker signs in the background: the clerk looks again until the page offers the result.
      const download = clerk.locator('#signed-result a');
      for (let tries = 0; tries < 60 && !(await download.count()); tries++) {
        await clerk.waitForTimeout(250);
        await filePage(clerk);
      }
      await look(clerk, 'walk-file-signed');
      const [saved] = await Promise.all([clerk.waitForEvent('download'), download.click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await saved.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
      const signed = Buffer.concat(chunks);
      const verdict = pdfsig(signed);
      expect(verdict.validation, verdict.output).toBe('Signature is Valid.');
      expect(pdftotext(signed)).toContain('QUYET DINH so 27/QD-UBND');
      expect(await clerk.locator('.onegate-timeline').innerText()).toContain('Ký số bởi hệ thống');
    },
  );

  it('has no serious accessibility problems on the pages of the walk', () => {
    expect(problems).toEqual([]);
  });
});
