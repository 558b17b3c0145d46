import { WORKING_HOURS_PER_DAY } from '@onegate/domain';

const MS_PER_HOUR = 3_600_000;
export const MS_PER_WORKING_DAY = WORKING_HOURS_PER_DAY * MS_PER_HOUR;

/**
 * Histogram buckets are 0.05 working days (24 working minutes) wide; a percentile is read as the middle
 * of its bucket, so it is within 0.025 working days of the exact value.
 */
export const BUCKET_MS = MS_PER_WORKING_DAY / 20;

/** What a histogram counts: turnaround, or the time spent in one state. */
export const HISTOGRAM_METRICS = [
  'turnaround',
  'received',
  'in_progress',
  'supplement_requested',
  'decided',
] as const;
export type HistogramMetric = (typeof HISTOGRAM_METRICS)[number];

export function bucketOf(durationMs: number): number {
  return Math.max(0, Math.floor(durationMs / BUCKET_MS));
}

/**
 * The nearest-rank percentile (the value at rank ceil(p × n) of the sorted values) read from a
 * histogram, as the middle of its bucket, in milliseconds; null when it is empty.
 */
export function percentileFromHistogram(counts: ReadonlyMap<number, number>, percent: number): number | null {
  const buckets = [...counts.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * total));
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen >= rank) return (bucket + 0.5) * BUCKET_MS;
  }
  return null;
}
