import { describe, expect, it } from 'vitest';

import { BUCKET_MS, bucketOf, MS_PER_WORKING_DAY, percentileFromHistogram } from './histogram';

const histogramOf = (days: number[]) => {
  const counts = new Map<number, number>();
  for (const value of days) {
    const bucket = bucketOf(value * MS_PER_WORKING_DAY);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return counts;
};

const nearestRank = (values: number[], percent: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((percent / 100) * values.length) - 1]!;

describe('percentiles from histograms', () => {
  it('are the nearest-rank value to within half a bucket', () => {
    const values = [0.1, 0.5, 0.5, 1.2, 2, 2.75, 3.3, 8, 12.9, 40];
    for (const percent of [10, 50, 90, 100]) {
      const fromHistogram = percentileFromHistogram(histogramOf(values), percent)! / MS_PER_WORKING_DAY;
      expect(Math.abs(fromHistogram - nearestRank(values, percent))).toBeLessThanOrEqual(
        BUCKET_MS / MS_PER_WORKING_DAY / 2 + 1e-9,
      );
    }
  });

  it('is null for no values', () => {
    expect(percentileFromHistogram(new Map(), 50)).toBeNull();
    expect(percentileFromHistogram(new Map([[3, 0]]), 50)).toBeNull();
  });

  it('ignores buckets emptied by later changes', () => {
    expect(
      percentileFromHistogram(
        new Map([
          [1, 0],
          [4, 2],
        ]),
        50,
      ),
    ).toBe(4.5 * BUCKET_MS);
  });
});
