import { describe, expect, it } from 'vitest';

import { retryDelayMs } from './retry-schedule';

const CONFIG = { retryFirstMs: 5_000, retryLongestMs: 24 * 3_600_000 };
const NO_ANSWER = { status: null, retryAfterMs: null };

describe('retry schedule', () => {
  it('waits about four times longer after each failure, ±25%, up to the longest wait', () => {
    const middle = (attempt: number) => retryDelayMs(attempt, CONFIG, NO_ANSWER, () => 0.5);
    expect([1, 2, 3, 4, 5].map(middle)).toEqual([5_000, 20_000, 80_000, 320_000, 1_280_000]);
    expect(middle(12)).toBe(CONFIG.retryLongestMs);
    expect(retryDelayMs(1, CONFIG, NO_ANSWER, () => 0)).toBe(3_750);
    expect(retryDelayMs(1, CONFIG, NO_ANSWER, () => 0.999_999)).toBe(6_250);
    expect(retryDelayMs(12, CONFIG, NO_ANSWER, () => 0.999_999)).toBe(CONFIG.retryLongestMs);
  });

  it('honours Retry-After on 429, 502 and 504 only, within the longest wait', () => {
    for (const status of [429, 502, 504])
      expect(retryDelayMs(1, CONFIG, { status, retryAfterMs: 120_000 })).toBe(120_000);
    expect(retryDelayMs(1, CONFIG, { status: 503, retryAfterMs: 120_000 }, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(1, CONFIG, { status: 429, retryAfterMs: 10 * 24 * 3_600_000 })).toBe(
      CONFIG.retryLongestMs,
    );
  });
});
