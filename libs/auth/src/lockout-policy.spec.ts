import { describe, expect, it } from 'vitest';

import { lockDurationMs } from './lockout-policy';

describe('lockDurationMs', () => {
  it('does not lock before the fifth failure', () => {
    expect([0, 1, 2, 3, 4].map(lockDurationMs)).toEqual([null, null, null, null, null]);
  });

  it('locks for a minute at the fifth failure, doubling after, capped at a day', () => {
    expect(lockDurationMs(5)).toBe(60_000);
    expect(lockDurationMs(6)).toBe(120_000);
    expect(lockDurationMs(8)).toBe(480_000);
    expect(lockDurationMs(40)).toBe(86_400_000);
  });
});
