import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface FocusStop {
  /** The focused element, as a person reading the test output would recognise it. */
  element: string;
  /** Outline or shadow drawn only while focused, in a colour that shows. */
  indicated: boolean;
  /** Has a size and lies inside the window's width (the page scrolls it into view vertically). */
  onScreen: boolean;
  /** Comes after (Tab) or before (Shift+Tab) the element focused before it, in the page's order. */
  inOrder: boolean;
}

// The project is compiled without the browser's types: the little of them used in the page, by hand.
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  isConnected: boolean;
  ownerDocument: { activeElement: PageElement | null; body: PageElement; defaultView: PageWindow | null };
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number; left: number; right: number };
  compareDocumentPosition(other: PageElement): number;
  blur(): void;
  focus(): void;
}
interface PageWindow {
  innerWidth: number;
  onegateLastFocus?: PageElement;
  getComputedStyle(element: PageElement): {
    outlineStyle: string;
    outlineWidth: string;
    outlineColor: string;
    boxShadow: string;
  };
}

/**
 * Where the focus is now, measured in the page (everything reached through the target's document);
 * `target` is the element sought.
 */
function focusStop(target: PageElement, backwards: boolean): FocusStop & { reached: boolean } {
  const page = target.ownerDocument;
  const window = page.defaultView!;
  const element = page.activeElement;
  if (!element || element === page.body) {
    return { element: 'nothing', indicated: false, onScreen: false, inOrder: false, reached: false };
  }
  const visibleColour = (colour: string) => colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour);
  const look = () => {
    const style = window.getComputedStyle(element);
    return {
      outline:
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        visibleColour(style.outlineColor),
      boxShadow: style.boxShadow,
    };
  };
  const focused = look();
  element.blur();
  const unfocused = look();
  element.focus();
  const shadow = focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow;
  const box = element.getBoundingClientRect();
  const previous = window.onegateLastFocus;
  const order = previous?.isConnected ? previous.compareDocumentPosition(element) : 0;
  window.onegateLastFocus = element;
  const [preceding, following] = [2, 4]; // Node.DOCUMENT_POSITION_PRECEDING, _FOLLOWING
  const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ');
  return {
    element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${label.slice(0, 40)}"`,
    indicated: (focused.outline && !unfocused.outline) || shadow,
    onScreen: box.width > 0 && box.height > 0 && box.left >= -1 && box.right <= window.innerWidth + 1,
    inOrder: !order || Boolean(order & (backwards ? preceding : following)),
    reached: element === target,
  };
}

/**
 * Moves the focus with Tab (or Shift+Tab) until it reaches the target, as a keyboard user does. Every
 * element the focus passes must show that it has it, be on screen, and come in the page's order.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, limit = 60 }: { backwards?: boolean; limit?: number } = {},
): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  await target.first().waitFor();
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const { reached, ...stop } = await target.first().evaluate(focusStop, backwards);
    stops.push(stop);
    const path = stops.map((passed) => passed.element).join(' → ');
    expect(stop, `focus on ${path} (${page.url()})`).toMatchObject({
      indicated: true,
      onScreen: true,
      inOrder: true,
    });
    if (reached) return stops;
  }
  throw new Error(`${limit} presses of Tab never reached ${target.toString()} on ${page.url()}`);
}

/** Tabs to the control and presses a key on it (Enter by default), waiting for the page it leads to. */
export async function activate(
  page: Page,
  target: Locator,
  { key = 'Enter', backwards = false, url }: { key?: string; backwards?: boolean; url?: RegExp } = {},
): Promise<void> {
  await tabTo(page, target, { backwards });
  await Promise.all([url ? page.waitForURL(url) : page.waitForEvent('load'), page.keyboard.press(key)]);
}
