import { describe, expect, it } from 'vitest';

import type { ApplicationContribution } from '../figures/contribution';
import { BUCKET_MS } from '../figures/histogram';
import { RollupChanges } from './rollup-changes';

const OWNER = { applicationId: 'application-1', agencyId: 'agency-1', procedureId: 'procedure-1' };

function contribution(
  days: Record<string, { received?: number; decided?: number; backlogDelta?: number }>,
  durations: { date: string; ms: number }[] = [],
): ApplicationContribution {
  return {
    channel: 'online',
    days: new Map(Object.entries(days)),
    durations: durations.map(({ date, ms }) => ({
      date,
      at: Date.parse(date),
      metric: 'turnaround' as const,
      ms,
    })),
    steps: [],
    files: [],
  };
}

describe('rollup changes', () => {
  it('adds each date’s change to its month’s and its year’s row', () => {
    const changes = new RollupChanges();
    changes.add(OWNER, contribution({ '2025-01-30': { received: 1, backlogDelta: 1 } }));
    changes.add(OWNER, contribution({ '2025-02-03': { decided: 1, backlogDelta: -1 } }));
    const rows = changes.rows().map(({ key, counters }) => ({
      grain: key.grain,
      period: key.period,
      received: counters.received,
      decided: counters.decided,
      backlogDelta: counters.backlogDelta,
    }));
    expect(rows).toEqual([
      { grain: 'day', period: '2025-01-30', received: 1, decided: 0, backlogDelta: 1 },
      { grain: 'day', period: '2025-02-03', received: 0, decided: 1, backlogDelta: -1 },
      { grain: 'month', period: '2025-01', received: 1, decided: 0, backlogDelta: 1 },
      { grain: 'month', period: '2025-02', received: 0, decided: 1, backlogDelta: -1 },
      { grain: 'year', period: '2025', received: 1, decided: 1, backlogDelta: 0 },
    ]);
    expect(changes.rows().every(({ key }) => key.agencyId === 'agency-1' && key.channel === 'online')).toBe(
      true,
    );
  });

  it('keeps the years of a period across the new year apart', () => {
    const changes = new RollupChanges();
    changes.add(OWNER, contribution({ '2024-12-31': { received: 1 }, '2025-01-01': { decided: 1 } }));
    expect(changes.rows().map(({ key }) => `${key.grain} ${key.period}`)).toEqual([
      'day 2024-12-31',
      'day 2025-01-01',
      'month 2024-12',
      'month 2025-01',
      'year 2024',
      'year 2025',
    ]);
  });

  it('writes nothing for a change that cancels out, and only the grains that change', () => {
    const changes = new RollupChanges();
    const before = contribution({ '2025-03-10': { received: 1 } }, [{ date: '2025-03-10', ms: BUCKET_MS }]);
    const after = contribution({ '2025-03-10': { received: 1 }, '2025-03-12': { decided: 1 } }, [
      { date: '2025-03-10', ms: BUCKET_MS },
      { date: '2025-03-12', ms: 3 * BUCKET_MS },
    ]);
    changes.add(OWNER, before, -1);
    changes.add(OWNER, after, 1);
    expect(changes.rows().map(({ key }) => `${key.grain} ${key.period}`)).toEqual([
      'day 2025-03-12',
      'month 2025-03',
      'year 2025',
    ]);
    expect(
      changes.histograms().map(({ key, bucket, count }) => `${key.grain} ${key.period} ${bucket} ${count}`),
    ).toEqual(['day 2025-03-12 3 1', 'month 2025-03 3 1', 'year 2025 3 1']);
  });

  it('sums the histogram counts of a year’s dates into one row per bucket', () => {
    const changes = new RollupChanges();
    changes.add(OWNER, contribution({}, [{ date: '2025-02-01', ms: 0 }]));
    changes.add(OWNER, contribution({}, [{ date: '2025-11-30', ms: 0 }]));
    const years = changes.histograms().filter(({ key }) => key.grain === 'year');
    expect(years.map(({ key, bucket, count }) => [key.period, bucket, count])).toEqual([['2025', 0, 2]]);
  });
});
