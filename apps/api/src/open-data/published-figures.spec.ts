import { describe, expect, it } from 'vitest';

import { NOTHING_COUNTED, publishedFigures } from './published-figures';

const MARCH = {
  received: 120,
  decided: 100,
  onTime: 85,
  onTimeRate: 0.85,
  returned: 9,
  fullyOnline: 3,
  fullyOnlineShare: 3 / 9,
  turnaroundDays: { mean: 3.4 },
};

describe('published figures', () => {
  it('publishes a figure whose base holds at least the minimum, and holds back the others with the reason', () => {
    expect(publishedFigures(MARCH, 10)).toEqual({
      received: 120,
      decided: 100,
      onTime: 85,
      onTimeRate: 0.85,
      meanTurnaroundDays: 3.4,
      returned: null,
      fullyOnline: null,
      fullyOnlineShare: null,
      suppressed: {
        returned: 'fewer than 10 files',
        fullyOnline: 'fewer than 10 files',
        fullyOnlineShare: 'fewer than 10 files',
      },
    });
  });

  it('counts the minimum itself as enough, one file less as too few', () => {
    expect(publishedFigures(MARCH, 9).suppressed).toEqual({});
    const decided = publishedFigures({ ...MARCH, decided: 9, onTime: 9, onTimeRate: 1 }, 10);
    expect([decided.decided, decided.onTime, decided.onTimeRate, decided.meanTurnaroundDays]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(decided.received).toBe(120);
  });

  it('holds back everything of a month with nothing counted', () => {
    const nothing = publishedFigures(NOTHING_COUNTED, 1);
    expect(Object.keys(nothing.suppressed)).toHaveLength(8);
    expect(nothing.suppressed.received).toBe('fewer than 1 file');
  });
});
