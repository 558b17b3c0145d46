import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { recordLine, returnedStory } from '../support/reports/crafted-lines';
import { importLines } from '../support/reports/report-client';
import { TestStack } from '../support/test-stack';
import type { AxeProblem } from './support/browser';
import {
  accessibilityProblems,
  containsText,
  fitsWidth,
  launchChromium,
  screenshot,
  shownText,
  signedInPhonePage,
} from './support/browser';

const FILES = 60;

/**
 * A supervisor on a 375 px phone, without JavaScript, follows a number of the dashboard to the files it
 * counts, pages through them and opens one (docs/metrics.md, "Drill-down").
 */
describe('drill-down from the dashboard to the files, on a phone without JavaScript', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  /** The same pages with JavaScript, for the checks that run in the page (width, axe). */
  let checker: Page;
  /** Width and accessibility, checked on the JavaScript page at the address the other one reached. */
  const checkPage = async (name: string) => {
    await checker.goto(page.url());
    await fitsWidth(checker, name);
    problems.push(...(await accessibilityProblems(checker, name)));
  };
  const problems: AxeProblem[] = [];

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const lines = Array.from({ length: FILES }, (_, index) => {
      const day = `2025-06-${String(2 + (index % 20)).padStart(2, '0')}`;
      const code = `QN-STP-${day.slice(2).replaceAll('-', '')}-${String(500 + index).padStart(4, '0')}`;
      // Every file went through one step at the desk, due at 11:00 and ended by the decision at 15:00: late.
      const story = returnedStory(day).map((event) =>
        event.type === 'receive'
          ? {
              ...event,
              step: 1,
              stepName: 'Tiếp nhận và thẩm định',
              stepAgencyCode: 'QN-STP',
              stepRole: 'clerk',
              stepDueAt: `${day}T11:00:00+07:00`,
            }
          : event,
      );
      return recordLine(code, story);
    });
    expect((await importLines(stack.apiUrl, admin, lines)).body).toEqual({
      imported: FILES,
      skipped: 0,
      rejected: [],
    });
    browser = await launchChromium();
    page = await signedInPhonePage(
      browser,
      stack.apiUrl,
      { username: DEMO_ACCOUNTS.supervisor, password: stack.config.demoPassword! },
      { javaScriptEnabled: false },
    );
    checker = await signedInPhonePage(browser, stack.apiUrl, {
      username: DEMO_ACCOUNTS.supervisor,
      password: stack.config.demoPassword!,
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('links a breakdown line’s number to its files, a page at a time, each file to its page', async () => {
    await page.goto('/supervisor/dashboard?from=2025-06-01&to=2025-06-30');
    const decided = page.locator('#by-agency a[href*="figure=decided"]').first();
    expect(await shownText(decided)).toBe(String(FILES));
    await Promise.all([page.waitForURL(/\/supervisor\/dashboard\/files\?/), decided.click()]);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2025-06-01',
      to: '2025-06-30',
      groupBy: 'agency',
      group: 'QN-STP',
      figure: 'decided',
    });
    await containsText(page.locator('h1'), 'Hồ sơ đã giải quyết');
    expect(await page.locator('#figure-files tbody tr').count()).toBe(50);
    expect(await page.locator('a[href*="/api/reports/files/export"][href*="format=csv"]').count()).toBe(1);
    expect(await page.locator('a[href*="/api/reports/files/export"][href*="format=xlsx"]').count()).toBe(1);
    await checkPage('drill-down page');
    await screenshot(checker, 'drill-down');
    const firstPage = await page.locator('#figure-files tbody a').allInnerTexts();

    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('link', { name: 'Trang sau' }).click()]);
    const secondPage = await page.locator('#figure-files tbody a').allInnerTexts();
    expect(secondPage).toHaveLength(FILES - 50);
    expect(new Set([...firstPage, ...secondPage]).size).toBe(FILES);
    expect(await page.getByRole('link', { name: 'Trang sau' }).count()).toBe(0);
    await checkPage('drill-down, second page');

    const file = page.locator('#figure-files tbody a').first();
    const code = await file.innerText();
    await Promise.all([page.waitForURL(/\/staff\/applications\/[0-9a-f-]+$/), file.click()]);
    await containsText(page.locator('main'), code);
  }, 180_000);

  it('links a step’s late stretches to them, and a unit’s', async () => {
    await page.goto('/supervisor/dashboard?from=2025-06-01&to=2025-06-30');
    const late = page.locator('#by-step a[href*="figure=late"]').first();
    expect(await shownText(late)).toBe(String(FILES));
    await Promise.all([page.waitForURL(/\/supervisor\/dashboard\/files\/steps\?/), late.click()]);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      from: '2025-06-01',
      to: '2025-06-30',
      procedure: '2.000488',
      step: '1',
      stepName: 'Tiếp nhận và thẩm định',
      figure: 'late',
    });
    await containsText(page.locator('h1'), 'Các lượt xử lý bước kết thúc trễ hạn');
    expect(await page.locator('#step-files tbody tr').count()).toBe(50);
    expect(await page.locator('a[href*="/api/reports/steps/files/export"][href*="format=csv"]').count()).toBe(
      1,
    );
    await checkPage('step drill-down page');
    await screenshot(checker, 'step-drill-down');
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('link', { name: 'Trang sau' }).click()]);
    expect(await page.locator('#step-files tbody tr').count()).toBe(FILES - 50);

    await page.goto('/supervisor/dashboard?from=2025-06-01&to=2025-06-30');
    const unit = page.locator('#by-unit a[href*="figure=stretches"]').first();
    expect(await shownText(unit)).toBe(String(FILES));
    await Promise.all([page.waitForURL(/unit=QN-STP/), unit.click()]);
    expect(await page.locator('#step-files tbody tr').count()).toBe(50);
  }, 180_000);

  it('links the dashboard’s tiles to their lists too, and the page reads in English', async () => {
    await page.goto('/supervisor/dashboard?from=2025-06-01&to=2025-06-30');
    const tile = page.locator('[data-figure=onTimeRate] a');
    await Promise.all([page.waitForURL(/figure=onTimeRate/), tile.click()]);
    expect(await page.locator('#figure-files tbody tr').count()).toBe(50);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'English' }).click()]);
    await containsText(page.locator('h1'), 'Files decided (the on-time rate is counted over them)');
    await checkPage('drill-down page (en)');
    expect(problems).toEqual([]);
  }, 180_000);
});
