import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ReportFigures } from '@onegate/reporting';

import { formatNumber, formatPercent } from '../../apps/api/src/web/core/formatters';
import { createStaff, DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { event, recordLine, returnedStory } from '../support/reports/crafted-lines';
import { getReport, importLines } from '../support/reports/report-client';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  containsText,
  fitsWidth,
  launchChromium,
  screenshotAtBothWidths,
  signedInPhonePage,
} from './support/browser';
import { activate, tabTo } from './support/keyboard';

const PERIOD = { from: '2025-06-01', to: '2025-06-30' };
const HA_LONG_SUPERVISOR = {
  email: 'giamsat.halong@qn.gov.vn',
  fullName: 'Vũ Văn Giám Sát',
  role: 'supervisor' as const,
  agencyCode: 'QN-HL',
  password: 'Ha Long supervisor 2025',
};
/** Agencies of the demo tree outside Ha Long's subtree (QN is above it: only named, never offered). */
const OUTSIDE = ['QN-STP', 'QN-SXD', 'QN-STC', 'QN-SNNMT', 'QN-THUE-HL'];

/** A file of Bai Chay ward's birth registration (no fee), received on the day and still open or returned. */
function wardLine(number: number, day: string, returned: boolean) {
  const events = [event('submit', `${day}T08:30:00`), event('receive', `${day}T09:00:00`)];
  if (returned) {
    events.push(
      event('approve', `${day}T14:00:00`),
      event('sign', `${day}T14:05:00`),
      event('return', `${day}T15:00:00`),
    );
  }
  return {
    ...recordLine(`QN-HL-BC-${day.slice(2).replaceAll('-', '')}-${String(number).padStart(4, '0')}`, events),
    procedureCode: '1.001193',
    receivingAgencyCode: 'QN-HL-BC',
    fee: { amount: 0 },
    formData: { childName: 'Nguyễn Văn B', childBirthDate: '2025-05-20' },
  };
}

/**
 * A supervisor of Ha Long City, whose scope is the city and its wards, chooses the agency of the
 * dashboard and of the drill-down page through the agency-tree picker: without JavaScript, by the
 * select and the links of the path and of the units below, and with the keyboard alone
 * (docs/portal.md, "The agency picker"). The figures follow the agency chosen, as the reports API
 * gives them for it, and no agency outside the supervisor's subtree is offered.
 */
describe('the supervisor’s agency-tree picker', () => {
  let stack: TestStack;
  let browser: Browser;
  let supervisor: Tokens;
  /** Without JavaScript: what is read and followed. */
  let page: Page;
  /** With JavaScript, for the keyboard and for the checks that run in the page (width, axe). */
  let checker: Page;
  const problems: AxeProblem[] = [];
  const checkPage = async (name: string) => {
    await checker.goto(page.url());
    await fitsWidth(checker, name);
    problems.push(...(await accessibilityProblems(checker, name)));
  };

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    supervisor = await createStaff(stack.apiUrl, admin, HA_LONG_SUPERVISOR);
    const lines = [
      // Ha Long City itself: three files returned.
      ...['2025-06-02', '2025-06-03', '2025-06-04'].map((day, index) => ({
        ...recordLine(`QN-HL-${day.slice(2).replaceAll('-', '')}-${String(index + 1).padStart(4, '0')}`, [
          ...returnedStory(day),
        ]),
        procedureCode: '1.001612',
        receivingAgencyCode: 'QN-HL',
        fee: { amount: 100_000 },
      })),
      // Bai Chay ward, below it: two returned, one still open.
      wardLine(1, '2025-06-09', true),
      wardLine(2, '2025-06-10', true),
      wardLine(3, '2025-06-11', false),
      // The Department of Justice, outside the city: never counted for this supervisor.
      ...['2025-06-16', '2025-06-17'].map((day, index) =>
        recordLine(
          `QN-STP-${day.slice(2).replaceAll('-', '')}-${String(index + 1).padStart(4, '0')}`,
          returnedStory(day),
        ),
      ),
    ];
    expect((await importLines(stack.apiUrl, admin, lines)).body).toEqual({
      imported: lines.length,
      skipped: 0,
      rejected: [],
    });
    browser = await launchChromium();
    const account = { username: HA_LONG_SUPERVISOR.email, password: HA_LONG_SUPERVISOR.password };
    page = await signedInPhonePage(browser, stack.apiUrl, account, { javaScriptEnabled: false });
    checker = await signedInPhonePage(browser, stack.apiUrl, account);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The summary the reports API gives this supervisor for the agency (and every agency below it). */
  async function apiFigures(agency: string | undefined): Promise<ReportFigures> {
    const answer = await getReport<ReportFigures>(stack.apiUrl, supervisor, 'summary', { ...PERIOD, agency });
    expect(answer.status).toBe(200);
    const { agency: _named, ...figures } = answer.body as ReportFigures & { agency?: unknown };
    return figures as ReportFigures;
  }

  /** The dashboard's tiles and share chart read the same figures as the API for that agency. */
  async function showsFiguresOf(shown: Page, agency: string | undefined): Promise<ReportFigures> {
    const figures = await apiFigures(agency);
    const tile = (figure: string) =>
      shown.locator(`[data-figure=${figure}] .onegate-tile__value`).innerText();
    expect({
      fullyOnlineShare: await tile('fullyOnlineShare'),
      onTimeRate: await tile('onTimeRate'),
      backlog: await tile('backlog'),
      overdue: await tile('overdue'),
    }).toEqual({
      fullyOnlineShare: formatPercent('vi', figures.fullyOnlineShare),
      onTimeRate: formatPercent('vi', figures.onTimeRate),
      backlog: formatNumber('vi', figures.backlog),
      overdue: formatNumber('vi', figures.overdueBacklog),
    });
    const share = await shown.locator('canvas[data-kind=share]').getAttribute('data-chart');
    expect(JSON.parse(share!).data).toEqual([figures.fullyOnline, figures.returned - figures.fullyOnline]);
    return figures;
  }

  /** The picker's path, as read: each step's text and whether it is a link. */
  const pathOf = async (shown: Page) =>
    shown
      .locator('#agency-tree nav li')
      .evaluateAll((items) =>
        items.map((item) => ({ text: item.textContent!.trim(), link: item.querySelector('a') !== null })),
      );

  const query = (shown: Page) => Object.fromEntries(new URL(shown.url()).searchParams);

  it('offers only the supervisor’s subtree, as a tree, and says the figures include the units below', async () => {
    await page.goto(`/supervisor/dashboard?${new URLSearchParams(PERIOD)}`);
    const options = await page
      .locator('#agency option')
      .evaluateAll((items) =>
        items.map((item) => ({ value: item.getAttribute('value'), label: item.textContent })),
      );
    expect(options).toEqual([
      { value: '', label: 'Tất cả cơ quan được giao' },
      { value: 'QN-HL', label: 'QN-HL – UBND thành phố Hạ Long' },
      {
        value: 'QN-HL-BC',
        label: '\u00a0\u00a0\u00a0\u00a0QN-HL-BC – UBND phường Bãi Cháy (thuộc UBND thành phố Hạ Long)',
      },
    ]);
    expect(await pathOf(page)).toEqual([
      { text: 'UBND tỉnh Quảng Ninh (QN)', link: false },
      { text: 'UBND thành phố Hạ Long (QN-HL)', link: false },
    ]);
    expect(await page.locator('#agency-tree [aria-current=location]').innerText()).toBe(
      'UBND thành phố Hạ Long (QN-HL)',
    );
    await containsText(
      page.locator('[data-agency-scope]'),
      'Số liệu của UBND thành phố Hạ Long (QN-HL), gồm cả 1 đơn vị trực thuộc.',
    );
    expect(
      await page
        .locator('#agency-tree a[data-agency]')
        .evaluateAll((links) => links.map((link) => link.dataset.agency)),
    ).toEqual(['QN-HL-BC']);
    // Nothing outside the subtree is offered: not in the select, not among the links.
    const picker = `${await page.locator('#agency').innerHTML()} ${await page.locator('#agency-tree').innerHTML()}`;
    for (const code of OUTSIDE) expect(picker).not.toContain(code);
    expect(await page.locator('a[href*="agency=QN&"], a[href$="agency=QN"]').count()).toBe(0);
    const all = await showsFiguresOf(page, undefined);
    // The city's three files and the ward's two: the Department of Justice's are not counted.
    expect(all.returned).toBe(5);
    expect(await showsFiguresOf(page, 'QN-HL')).toEqual(all);
    await checkPage('dashboard with the agency picker');
    await screenshotAtBothWidths(checker, 'agency-picker');
  }, 120_000);

  it('chooses a unit with the select and the keyboard alone, the period kept', async () => {
    await checker.goto(`/supervisor/dashboard?${new URLSearchParams(PERIOD)}`);
    // The walk starts at the first unit below and goes back to the select with Shift+Tab: each part of
    // a date field is a stop of its own, which the focus check (that blurs and focuses again) cannot pass.
    await checker.locator('#agency-tree a[data-agency]').first().focus();
    await tabTo(checker, checker.locator('#agency'), { backwards: true });
    await checker.keyboard.press('ArrowDown');
    await checker.keyboard.press('ArrowDown');
    expect(await checker.locator('#agency').inputValue()).toBe('QN-HL-BC');
    await activate(checker, checker.getByRole('button', { name: 'Xem' }), { url: /agency=QN-HL-BC/ });
    expect(query(checker)).toEqual({ ...PERIOD, agency: 'QN-HL-BC' });
    const ward = await showsFiguresOf(checker, 'QN-HL-BC');
    expect(ward.returned).toBe(2);
    expect(ward.backlog).toBe(1);
    expect(await pathOf(checker)).toEqual([
      { text: 'UBND tỉnh Quảng Ninh (QN)', link: false },
      { text: 'UBND thành phố Hạ Long (QN-HL)', link: true },
      { text: 'UBND phường Bãi Cháy (QN-HL-BC)', link: false },
    ]);
    await containsText(
      checker.locator('[data-agency-scope]'),
      'Số liệu của UBND phường Bãi Cháy (QN-HL-BC); cơ quan này không có đơn vị trực thuộc.',
    );
    // Up the path to the city, with the keyboard from the select on: the period stays.
    await checker.locator('#agency').focus();
    await activate(checker, checker.locator('#agency-tree nav a', { hasText: 'QN-HL' }), {
      url: /agency=QN-HL$/,
    });
    expect(query(checker)).toEqual({ ...PERIOD, agency: 'QN-HL' });
    expect((await showsFiguresOf(checker, 'QN-HL')).returned).toBe(5);
  }, 120_000);

  it('follows a unit below and the path back up without JavaScript, on the dashboard and its files', async () => {
    await page.goto(`/supervisor/dashboard?${new URLSearchParams(PERIOD)}`);
    await Promise.all([
      page.waitForURL(/agency=QN-HL-BC/),
      page.locator('#agency-tree a[data-agency=QN-HL-BC]').click(),
    ]);
    expect(query(page)).toEqual({ ...PERIOD, agency: 'QN-HL-BC' });
    expect((await showsFiguresOf(page, 'QN-HL-BC')).returned).toBe(2);
    expect(await page.locator('#agency-tree a[data-agency]').count()).toBe(0);
    expect(await page.locator('#agency option[selected]').getAttribute('value')).toBe('QN-HL-BC');
    await checkPage('dashboard of a ward');

    // The drill-down page of the ward's returned files has the same picker, which keeps the figure.
    await Promise.all([
      page.waitForURL(/\/supervisor\/dashboard\/files\?/),
      page.locator('[data-figure=fullyOnlineShare] a').click(),
    ]);
    expect(query(page)).toMatchObject({ ...PERIOD, agency: 'QN-HL-BC', figure: 'fullyOnlineShare' });
    const wardFiles = await page.locator('#figure-files tbody tr').count();
    expect(wardFiles).toBe((await apiFigures('QN-HL-BC')).returned);
    expect(await pathOf(page)).toEqual([
      { text: 'UBND tỉnh Quảng Ninh (QN)', link: false },
      { text: 'UBND thành phố Hạ Long (QN-HL)', link: true },
      { text: 'UBND phường Bãi Cháy (QN-HL-BC)', link: false },
    ]);
    await checkPage('drill-down page with the agency picker');
    await screenshotAtBothWidths(checker, 'agency-picker-files');
    await Promise.all([page.waitForURL(/agency=QN-HL(&|$)/), page.locator('#agency-tree nav a').click()]);
    expect(query(page)).toEqual({ ...PERIOD, figure: 'fullyOnlineShare', agency: 'QN-HL' });
    expect(await page.locator('#figure-files tbody tr').count()).toBe((await apiFigures('QN-HL')).returned);
    // The select of the drill-down page carries the figure and the period as hidden fields.
    await page.selectOption('#agency', 'QN-HL-BC');
    await Promise.all([
      page.waitForURL(/agency=QN-HL-BC/),
      page.getByRole('button', { name: 'Xem' }).click(),
    ]);
    expect(query(page)).toEqual({ ...PERIOD, figure: 'fullyOnlineShare', agency: 'QN-HL-BC' });
    expect(await page.locator('#figure-files tbody tr').count()).toBe(wardFiles);
    const picker = `${await page.locator('#agency').innerHTML()} ${await page.locator('#agency-tree').innerHTML()}`;
    for (const code of OUTSIDE) expect(picker).not.toContain(code);

    // In English, the same tree in its words.
    await page.goto(`/supervisor/dashboard?${new URLSearchParams({ ...PERIOD, agency: 'QN-HL' })}`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'English' }).click()]);
    await containsText(
      page.locator('[data-agency-scope]'),
      'Figures for Ha Long City People’s Committee (QN-HL), including the 1 unit below it.',
    );
    expect(await page.locator('#agency option[value=QN-HL-BC]').innerText()).toContain(
      'QN-HL-BC – Bai Chay Ward People’s Committee (in Ha Long City People’s Committee)',
    );
    await checkPage('dashboard with the agency picker (en)');
    expect(problems).toEqual([]);
  }, 180_000);
});
