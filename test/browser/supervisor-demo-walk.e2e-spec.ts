import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { unmaskedToken } from '@onegate/auth';
import { AppConfig } from '@onegate/config';

import { presetRange, todayIn } from '../../apps/api/src/web/supervisor/period-presets';
import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { getReport } from '../support/reports/report-client';
import { testDatabaseKind } from '../support/test-database';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  DESKTOP,
  PHONE,
  accessibilityProblems,
  containsText,
  fitsWidth,
  launchChromium,
  onlyThisMachine,
  screenshotAtBothWidths,
  shownText,
  shownTexts,
  signInThroughPage,
} from './support/browser';

/** Enough for every table and chart to be full; `npm start` seeds 30,000 (docs/operations.md, "Demo history"). */
const FILES = 2_500;
const DAY_MS = 86_400_000;
const SUBJECT = 'Bộ phận một cửa đóng cửa sớm';

type Counts = Record<string, number>;
interface Criterion {
  id: string;
  numerator: number | null;
  denominator: number | null;
}

/** A number as the page writes it ("1.234" in Vietnamese): its digits. */
const numberIn = (text: string) => Number(text.replace(/[^\d]/g, ''));

/**
 * The supervisor's walk on the demo history, as `npm start` seeds it (docs/portal.md, "The dashboard"):
 * the period presets with their charts, three figures followed to their files, the workload and the
 * stalled files, the service index of Decision 766, and a feedback item answered late moving 5a and 5b.
 * In Chromium at 1280 and 375 px; the figures are checked against the report API.
 */
describe(`the supervisor's walk on the demo history (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let browser: Browser;
  let supervisorTokens: Tokens;
  /** The supervisor at desktop width, with JavaScript. */
  let desk: Page;
  /** The supervisor on a phone, with JavaScript. */
  let phone: Page;
  /** The supervisor on a phone without JavaScript: what the page is before any script. */
  let plain: Page;
  const problems: AxeProblem[] = [];
  const today = () => todayIn('Asia/Ho_Chi_Minh');

  const newPage = async (viewport: typeof DESKTOP, javaScriptEnabled = true): Promise<Page> => {
    const context = await browser.newContext({
      viewport,
      baseURL: stack.apiUrl,
      locale: 'vi-VN',
      javaScriptEnabled,
    });
    context.setDefaultTimeout(20_000);
    await onlyThisMachine(context);
    return context.newPage();
  };
  const supervisorPage = async (viewport: typeof DESKTOP, javaScriptEnabled = true): Promise<Page> => {
    const page = await newPage(viewport, javaScriptEnabled);
    await signInThroughPage(page, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    return page;
  };

  const summaryOf = async (query: Record<string, string | undefined>) => {
    const answer = await getReport<Counts>(stack.apiUrl, supervisorTokens, 'summary', query);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** Walks a drill-down list page by page ("Trang sau"), counting its files, each once. */
  const filesInList = async (href: string): Promise<number> => {
    await plain.goto(href);
    const seen = new Set<string>();
    for (;;) {
      for (const code of await plain.locator('#figure-files tbody a').allInnerTexts()) seen.add(code);
      const next = plain.getByRole('link', { name: 'Trang sau' });
      if ((await next.count()) === 0) return seen.size;
      await Promise.all([plain.waitForURL(/cursor=/), next.click()]);
    }
  };

  /**
   * The largest number of a breakdown table's column on the desk page (a link to its list), checked
   * against the same line of `GET /api/reports/breakdown`.
   */
  const largestOfBreakdown = async (
    table: string,
    column: number,
    query: Record<string, string>,
    figure: string,
  ): Promise<{ shown: number; href: string }> => {
    const cells = desk.locator(`#${table} tbody tr td:nth-child(${column}) a`);
    const numbers = (await shownTexts(cells)).map(numberIn);
    const links = await cells.all();
    const shown = Math.max(...numbers);
    const href = (await links[numbers.indexOf(shown)]!.getAttribute('href'))!;
    const group = new URL(href, stack.apiUrl).searchParams.get('group')!;
    const breakdown = await getReport<{ groups: (Counts & { key: string })[] }>(
      stack.apiUrl,
      supervisorTokens,
      'breakdown',
      query,
    );
    expect(breakdown.body.groups.find((line) => line.key === group)?.[figure]).toBe(shown);
    expect(shown).toBeGreaterThan(50);
    return { shown, href };
  };

  /** The non-blank pixels of each chart canvas once Chart.js drew it, and when its script was fetched. */
  const chartsDrawn = async (page: Page) => {
    await page.waitForFunction(
      `document.querySelectorAll('canvas[data-chart]').length > 0 &&
       [...document.querySelectorAll('canvas[data-chart]')].every((canvas) => window.Chart?.getChart(canvas))`,
    );
    return (await page.evaluate(`(() => {
      const inked = [...document.querySelectorAll('canvas[data-chart]')].map((canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let count = 0;
        for (let at = 3; at < data.length; at += 4) if (data[at] > 0) count++;
        return count;
      });
      const navigation = performance.getEntriesByType('navigation')[0];
      const chart = performance.getEntriesByType('resource').find((entry) => entry.name.includes('chart.umd'));
      return {
        inked,
        domInteractive: navigation.domInteractive,
        chartFetchedAt: chart ? chart.startTime : null,
      };
    })()`)) as { inked: number[]; domInteractive: number; chartFetchedAt: number | null };
  };

  beforeAll(async () => {
    // As `npm start` does with DEMO_HISTORY on: the stack seeds it through the import after the API listens.
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, demoHistory: { files: FILES } }),
    });
    supervisorTokens = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    browser = await launchChromium();
    desk = await supervisorPage(DESKTOP);
    phone = await supervisorPage(PHONE);
    plain = await supervisorPage(PHONE, false);
  }, 300_000);

  afterAll(async () => {
    stack?.freezeClock(null);
    await browser?.close();
    await stack?.stop();
  });

  it('shows last month’s and this year’s figures as the report API counts them, charts drawn after them', async () => {
    for (const preset of ['lastMonth', 'thisYear'] as const) {
      const { from, to } = presetRange(preset, today());
      for (const page of [desk, phone]) {
        await page.goto('/supervisor/dashboard');
        const requests: string[] = [];
        const record = (request: { url: () => string }) => requests.push(new URL(request.url()).pathname);
        page.on('request', record);
        await Promise.all([page.waitForURL(/from=/), page.locator(`a[data-preset=${preset}]`).click()]);
        expect(new URL(page.url()).searchParams.get('from')).toBe(from);
        expect(new URL(page.url()).searchParams.get('to')).toBe(to);
        expect(await page.locator(`a[data-preset=${preset}]`).getAttribute('aria-current')).toBe('true');
        const drawn = await chartsDrawn(page);
        page.off('request', record);
        // Both charts have ink; Chart.js was asked for once the page (its figures and tables) was parsed,
        // and after the page itself and its stylesheets.
        expect(drawn.inked).toHaveLength(2);
        for (const inked of drawn.inked) expect(inked).toBeGreaterThan(1_000);
        expect(drawn.chartFetchedAt).not.toBeNull();
        expect(drawn.chartFetchedAt!).toBeGreaterThanOrEqual(drawn.domInteractive);
        const chartAt = requests.findIndex((path) => path.includes('chart.umd'));
        expect(chartAt).toBeGreaterThan(requests.indexOf('/supervisor/dashboard'));
        expect(chartAt).toBeGreaterThan(requests.findIndex((path) => path.endsWith('onegate.css')));
        await fitsWidth(page, `the dashboard, ${preset}`);
      }
      const summary = await summaryOf({ from, to });
      expect(summary.received).toBeGreaterThan(0);
      expect(summary.decided).toBeGreaterThan(0);
      // Without script the same figures and tables are there; only the canvases stay empty.
      await plain.goto(`/supervisor/dashboard?from=${from}&to=${to}`);
      expect(numberIn(await plain.locator('[data-figure=backlog] a').innerText())).toBe(summary.backlog);
      expect(numberIn(await plain.locator('[data-figure=overdue] a').innerText())).toBe(
        summary.overdueBacklog,
      );
      expect(await plain.locator('#by-month tbody tr').count()).toBeGreaterThan(0);
      expect(await plain.locator('#by-agency tbody tr').count()).toBeGreaterThan(1);
      expect(await plain.locator('#by-procedure tbody tr').count()).toBeGreaterThan(1);
      const receivedByMonth = (await shownTexts(plain.locator('#by-month tbody tr td:nth-child(2)'))).map(
        numberIn,
      );
      expect(receivedByMonth.reduce((sum, value) => sum + value, 0)).toBe(summary.received);
      await screenshotAtBothWidths(desk, `supervisor-demo-${preset}`);
      problems.push(...(await accessibilityProblems(desk, `the dashboard, ${preset}`)));
    }
  }, 300_000);

  it('sends pages, stylesheets and scripts compressed, each page with its form token masked afresh', async () => {
    const cookie = (await desk.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    const gzip = { 'accept-encoding': 'gzip' };
    for (const asset of ['/assets/govuk/govuk-frontend.min.css', '/assets/chart.js/chart.umd.min.js']) {
      const answer = await fetch(`${stack.apiUrl}${asset}`, { headers: gzip });
      expect(answer.headers.get('content-encoding'), asset).toBe('gzip');
      expect((await answer.text()).length).toBeGreaterThan(100_000);
    }
    const tokens: string[] = [];
    for (let index = 0; index < 2; index++) {
      const page = await fetch(`${stack.apiUrl}/supervisor/dashboard`, { headers: { ...gzip, cookie } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-encoding')).toBe('gzip');
      tokens.push(/name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!);
    }
    // Two pages of one session never carry the same token bytes; both carry the session's token.
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(unmaskedToken(tokens[0]!)).toBe(unmaskedToken(tokens[1]!));
    expect(unmaskedToken(tokens[0]!)).not.toBe(tokens[0]);
    // The API's JSON is sent as it is.
    const json = await fetch(`${stack.apiUrl}/api/reports/summary`, { headers: { ...gzip, cookie } });
    expect(json.headers.get('content-encoding')).toBeNull();
  });

  it('follows three figures to their files: each list holds as many files as the dashboard and the API say', async () => {
    const lastMonth = presetRange('lastMonth', today());
    const thisYear = presetRange('thisYear', today());
    await desk.goto(`/supervisor/dashboard?from=${lastMonth.from}&to=${lastMonth.to}`);

    // 1. The backlog tile at the end of last month.
    const backlog = desk.locator('[data-figure=backlog] a');
    const backlogShown = numberIn(await backlog.innerText());
    const backlogHref = (await backlog.getAttribute('href'))!;
    expect((await summaryOf(lastMonth)).backlog).toBe(backlogShown);
    expect(backlogShown).toBeGreaterThan(0);

    // 2. Last month's files received at the agency with the most of them (its own, not those below it).
    const received = await largestOfBreakdown(
      'by-agency',
      2,
      { ...lastMonth, groupBy: 'agency' },
      'received',
    );

    // 3. This year's files decided by the procedure that decided most.
    await desk.goto(`/supervisor/dashboard?from=${thisYear.from}&to=${thisYear.to}`);
    const decided = await largestOfBreakdown(
      'by-procedure',
      3,
      { ...thisYear, groupBy: 'procedure' },
      'decided',
    );

    expect(await filesInList(backlogHref)).toBe(backlogShown);
    expect(await filesInList(received.href)).toBe(received.shown);
    expect(await filesInList(decided.href)).toBe(decided.shown);

    // The list page at both widths, from the phone page that follows the link.
    await phone.goto(received.href);
    await containsText(phone.locator('h1'), 'Hồ sơ tiếp nhận');
    await screenshotAtBothWidths(phone, 'supervisor-demo-drilldown');
    problems.push(...(await accessibilityProblems(phone, 'the drill-down list')));
  }, 180_000);

  it('shows the open files per clerk, step and unit, overdue first, and the stalled files oldest first', async () => {
    await desk.goto('/supervisor/dashboard#workload');
    const rows = async (table: string) =>
      (await desk.locator(`#${table} tbody tr`).all()).length === 0
        ? []
        : Promise.all(
            (await desk.locator(`#${table} tbody tr`).all()).map(async (row) => ({
              name: (await shownText(row.locator('th'))).trim(),
              overdue: numberIn(await shownText(row.locator('td').nth(0))),
              open: numberIn(await shownText(row.locator('td').nth(1))),
            })),
          );
    const workload = await getReport<{ clerks: Counts[]; steps: Counts[]; units: Counts[] }>(
      stack.apiUrl,
      supervisorTokens,
      'workload',
      {},
    );
    const openFiles = workload.body.units.reduce((sum, line) => sum + line.open!, 0);
    expect(openFiles).toBeGreaterThan(0);
    for (const [table, lines] of [
      ['workload-clerks', workload.body.clerks],
      ['workload-steps', workload.body.steps],
      ['workload-units', workload.body.units],
    ] as const) {
      const shown = await rows(table);
      // The demo history's open files are held by nobody yet: the clerks' table may have that line alone.
      expect(shown.length, table).toBeGreaterThan(table === 'workload-clerks' ? 0 : 1);
      expect(
        shown.map(({ overdue, open }) => ({ overdue, open })),
        table,
      ).toEqual(lines.map(({ overdue, open }) => ({ overdue, open })));
      // Overdue first, then the most open files.
      for (let at = 1; at < shown.length; at++) {
        const [before, after] = [shown[at - 1]!, shown[at]!];
        expect(
          before.overdue > after.overdue || (before.overdue === after.overdue && before.open >= after.open),
        ).toBe(true);
      }
      // Every open file is counted once in each table.
      expect(
        shown.reduce((sum, line) => sum + line.open, 0),
        table,
      ).toBe(openFiles);
    }

    const stalled = await getReport<{ files: { code: string; lastEventAt: string; workingDays: number }[] }>(
      stack.apiUrl,
      supervisorTokens,
      'stalled',
      {},
    );
    expect(stalled.body.files.length).toBeGreaterThan(1);
    const lastEvents = stalled.body.files.map((file) => Date.parse(file.lastEventAt));
    expect(lastEvents).toEqual([...lastEvents].sort((a, b) => a - b));
    const stalledRows = desk.locator('#stalled-files tbody tr');
    const codes = (await shownTexts(stalledRows.locator('th a'))).map((code) => code.trim());
    expect(codes).toEqual(stalled.body.files.map((file) => file.code));
    const days = (await shownTexts(stalledRows.locator('td:nth-child(4)'))).map((text) =>
      Number(text.replace(/\./g, '').replace(',', '.')),
    );
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await desk.locator('#workload').scrollIntoViewIfNeeded();
    await screenshotAtBothWidths(desk, 'supervisor-demo-workload');
  }, 120_000);

  it('shows the Decision 766 index: total, groups, 1a to 1c not computed here, each computed rate as n / d', async () => {
    const year = presetRange('thisYear', today());
    await plain.goto(`/supervisor/dashboard?from=${year.from}&to=${year.to}`);
    const section = plain.locator('#service-index');
    await containsText(section.locator('[data-figure=serviceIndexTotal]'), 'điểm');
    for (const group of ['1', '2', '3', '4', '5']) {
      expect(await section.locator(`#service-index-group-${group}`).count(), `group ${group}`).toBe(1);
    }
    for (const id of ['1a', '1b', '1c']) {
      expect(await shownText(section.locator(`tr[data-criterion="${id}"]`))).toContain(
        'Chưa tính được tại đây',
      );
    }
    const index = await getReport<{ criteria: (Criterion & { source: string | null; scored: boolean })[] }>(
      stack.apiUrl,
      supervisorTokens,
      'service-index',
      year,
    );
    const computed = index.body.criteria.filter((criterion) => criterion.source !== null && criterion.scored);
    expect(computed.map((criterion) => criterion.id)).toEqual(
      expect.arrayContaining(['1d', '2a', '3c', '4a', '4b', '5a', '5b', '5c']),
    );
    for (const criterion of computed) {
      const cell = await shownText(section.locator(`tr[data-criterion="${criterion.id}"] td`).first());
      const [numerator, denominator] = cell.split('\n')[0]!.split('/').map(numberIn);
      expect({ id: criterion.id, numerator, denominator }).toEqual({
        id: criterion.id,
        numerator: criterion.numerator,
        denominator: criterion.denominator,
      });
    }
    await desk.goto(`/supervisor/dashboard?from=${year.from}&to=${year.to}#service-index`);
    await screenshotAtBothWidths(desk, 'supervisor-demo-service-index');
  }, 120_000);

  it('counts a citizen’s feedback answered late against 5a and 5b, however satisfied its author is', async () => {
    // Filed five weeks ago, as the frozen clock says: due ten working days later, long past now; the
    // period runs from its filing day to today, so its due day is in it.
    const filedAt = new Date(Date.now() - 35 * DAY_MS);
    const period = { from: todayIn('Asia/Ho_Chi_Minh', filedAt), to: today(), agency: 'QN-HL' };
    const dashboard = `/supervisor/dashboard?${new URLSearchParams(period)}`;
    const indexCells = async () => {
      await plain.goto(dashboard);
      const read = async (id: string) => {
        const text = await shownText(plain.locator(`tr[data-criterion="${id}"] td`).first());
        const [numerator, denominator] = text.split('\n')[0]!.split('/').map(numberIn);
        return { numerator, denominator };
      };
      return { '5a': await read('5a'), '5b': await read('5b') };
    };
    const before = await indexCells();

    const citizen = await newPage(PHONE);
    const clerk = await newPage(DESKTOP);
    await signInThroughPage(citizen, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    await signInThroughPage(clerk, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    stack.freezeClock(filedAt);
    await citizen.goto('/my/feedback/new');
    await citizen.check('#kind-feedback');
    await citizen.check('#about-agency');
    await citizen.selectOption('#agencyCode', 'QN-HL');
    await citizen.fill('#subject', SUBJECT);
    await citizen.fill(
      '#body',
      'Chiều thứ Sáu bộ phận một cửa đóng cửa lúc 16 giờ, sớm hơn giờ đã niêm yết.',
    );
    await citizen.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await citizen.waitForURL(/\/my\/feedback\/[0-9a-f-]{36}\?notice=feedbackFiled$/);
    stack.freezeClock(null);
    const itemPath = new URL(citizen.url()).pathname;
    await citizen.reload();
    await containsText(citizen.locator('main'), 'Quá hạn trả lời');

    // Unanswered past its due time, it already counts against both.
    const overdue = await indexCells();
    expect(overdue['5a']).toEqual({
      numerator: before['5a'].numerator,
      denominator: before['5a'].denominator + 1,
    });
    expect(overdue['5b']).toEqual({
      numerator: before['5b'].numerator,
      denominator: before['5b'].denominator + 1,
    });

    await clerk.goto('/staff/feedback');
    await clerk.getByRole('row', { name: SUBJECT }).getByRole('link').first().click();
    await clerk.fill('#answer', 'Đơn vị đã nhắc nhở cán bộ và niêm yết lại giờ làm việc.');
    await clerk.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await clerk.waitForURL(/notice=feedbackAnswered$/);
    await containsText(clerk.locator('main'), 'Trả lời quá hạn');

    await citizen.goto(itemPath);
    await containsText(citizen.locator('main'), 'Trả lời quá hạn');
    await citizen.check('#rating-satisfied');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.waitForURL(/notice=feedbackRated$/);
    await containsText(citizen.locator('main'), 'Đã đánh giá');
    await screenshotAtBothWidths(citizen, 'supervisor-demo-feedback-late');

    // Answered late and rated satisfied: still in neither numerator, as the report API counts it.
    const after = await indexCells();
    expect(after).toEqual(overdue);
    const figures = await getReport<Counts>(stack.apiUrl, supervisorTokens, 'feedback', period);
    expect(figures.status).toBe(200);
    expect(after['5a']).toEqual({
      numerator: figures.body.handledOnTime,
      denominator: figures.body.feedback,
    });
    expect(after['5b']).toEqual({
      numerator: figures.body.feedback! - figures.body.notSatisfiedOrLate!,
      denominator: figures.body.feedback,
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
