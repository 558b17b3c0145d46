import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };
/** The narrowest phone the portal is made for. */
export const NARROW_PHONE = { width: 360, height: 740 };

/** Pages here may ask for things elsewhere (the test identity provider's pages load a web font): refused. */
export async function onlyThisMachine(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => route.abort(),
  );
}

/** Nothing pushes the page wider than the window: only tables scroll, inside their own box. */
export async function fitsWidth(page: Page, name: string): Promise<void> {
  const [width, window] = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  expect(width, `${name} is wider than the window`).toBeLessThanOrEqual(window);
}

/**
 * The README's pictures are refreshed only on request (UPDATE_SCREENSHOTS=1), so an ordinary test run
 * leaves the working tree as it was; otherwise they go to a temporary folder.
 */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(__dirname, '..', 'screenshots')
  : join(tmpdir(), 'onegate-screenshots');

export interface AxeProblem {
  page: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical accessibility violations of the page as it is now (WCAG 2.1 A and AA rules). */
export async function accessibilityProblems(page: Page, name: string): Promise<AxeProblem[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // A sandboxed frame (a caught mail's HTML part) runs no script, so axe cannot look inside and would
    // wait for it for ever; the frame element itself, with its title, is still checked.
    .exclude('iframe[sandbox]')
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      page: name,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** A picture of the page at desktop and phone width, for the README; the phone page must fit its width. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  // Nothing may push the page wider than a phone: only tables scroll, inside their own box. Charts
  // take a frame or two to follow the new width.
  const fits = `document.documentElement.scrollWidth <= ${PHONE.width}`;
  await page.waitForFunction(fits, null, { timeout: 10_000 }).catch(() => undefined);
  const width = await page.evaluate('document.documentElement.scrollWidth');
  expect(width, `${name} is wider than a phone`).toBeLessThanOrEqual(PHONE.width);
  // The phone picture is what the first screen shows, which keeps the files small.
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`) });
  await page.setViewportSize(DESKTOP);
}

/** `screenshot` from a page opened at another width (a phone test's page), which is given back its width. */
export async function screenshotAtBothWidths(page: Page, name: string): Promise<void> {
  const width = page.viewportSize();
  await page.setViewportSize(DESKTOP);
  await screenshot(page, name);
  if (width) await page.setViewportSize(width);
}

/** A picture of what a phone shows now (a page opened at an anchor), in place of `screenshot`'s first screen. */
export async function phoneScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`) });
}

/** Signs in through the sign-in page, as a person does, and waits for the page it leads to. */
export async function signInThroughPage(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
    page.press('#password', 'Enter'),
  ]);
}

/** The drawn pixels of OneGate's PDF viewer that are not white (a page with text has many), once it drew the page. */
export async function pdfPageDrawn(page: Page, number: number): Promise<{ inked: number; width: number }> {
  await page.waitForSelector(`.onegate-pdf[data-rendered-page="${number}"]`);
  return (await page.evaluate(`(() => {
    const canvas = document.querySelector('.onegate-pdf__canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let at = 0; at < data.length; at += 4) if (data[at] < 128 && data[at + 3] > 0) inked++;
    return { inked, width: canvas.getBoundingClientRect().width };
  })()`)) as { inked: number; width: number };
}

/** The element's text, once it is on the page, contains the given text. */
export async function containsText(locator: Locator, text: string): Promise<void> {
  await locator.first().waitFor();
  expect(await locator.first().innerText()).toContain(text);
}

/**
 * The text of a part of a page as a person reads it: scrolled to first. The dashboard lays its tables out
 * only as they near the screen (docs/performance.md), and a table not laid out yet has no text to read.
 * Several elements are read together: they are one table's, laid out at once.
 */
export async function shownText(locator: Locator): Promise<string> {
  // A table not laid out yet has no place of its rows to scroll to: its box is scrolled to first.
  const table = locator.locator('xpath=ancestor-or-self::*[contains(@class, "onegate-table-wrapper")][1]');
  if ((await table.count()) > 0) await table.scrollIntoViewIfNeeded();
  await locator.scrollIntoViewIfNeeded();
  // Laid out at the browser's next frame once near the screen.
  await expect.poll(() => locator.innerText()).not.toBe('');
  return locator.innerText();
}

export async function shownTexts(locator: Locator): Promise<string[]> {
  await shownText(locator.first());
  return locator.allInnerTexts();
}

export async function hasText(locator: Locator, text: string): Promise<void> {
  await locator.first().waitFor();
  expect((await locator.first().innerText()).trim()).toBe(text);
}

export async function hasValue(locator: Locator, value: string): Promise<void> {
  expect(await locator.inputValue()).toBe(value);
}

export async function hasLanguage(locator: Locator, language: string): Promise<void> {
  expect(await locator.getAttribute('lang')).toBe(language);
}

/** A page of a new phone-sized context (only this machine reachable), signed in as the given account. */
export async function signedInPhonePage(
  browser: Browser,
  baseURL: string,
  account: { username: string; password: string },
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, baseURL, locale: 'vi-VN', ...options });
  context.setDefaultTimeout(10_000);
  await onlyThisMachine(context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.fill('#username', account.username);
  await page.fill('#password', account.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
    page.press('#password', 'Enter'),
  ]);
  return page;
}
