import { MS_PER_WORKING_DAY, percentileFromHistogram } from './histogram';
import type { Counters } from './report-counters';
import { addCounters, zeroCounters } from './report-counters';

/** The figures of docs/metrics.md, "The figures", under their exact names. */
export interface ReportFigures {
  received: number;
  onlineSubmitted: number;
  onlineSubmissionRate: number | null;
  decided: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  extended: number;
  returned: number;
  fullyOnline: number;
  fullyOnlineShare: number | null;
  refused: number;
  withdrawn: number;
  backlog: number;
  overdueBacklog: number;
  turnaroundDays: { mean: number | null; p50: number | null; p90: number | null };
  satisfaction: { count: number; mean: number | null; satisfiedShare: number | null };
}

/** The sums behind the figures of one group: counters over the period, backlog at its end, turnarounds. */
export interface FigureTotals {
  counters: Counters;
  /** Received through `submit`. */
  onlineReceived: number;
  backlog: number;
  overdueBacklog: number;
  /** Turnaround histogram: bucket → count. */
  turnaround: Map<number, number>;
}

export function emptyTotals(): FigureTotals {
  return {
    counters: zeroCounters(),
    onlineReceived: 0,
    backlog: 0,
    overdueBacklog: 0,
    turnaround: new Map(),
  };
}

export function mergeTotals(target: FigureTotals, source: FigureTotals): void {
  addCounters(target.counters, source.counters);
  target.onlineReceived += source.onlineReceived;
  target.backlog += source.backlog;
  target.overdueBacklog += source.overdueBacklog;
  for (const [bucket, count] of source.turnaround) {
    target.turnaround.set(bucket, (target.turnaround.get(bucket) ?? 0) + count);
  }
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const days = (ms: number | null) =>
  ms === null ? null : Math.round((ms / MS_PER_WORKING_DAY) * 1000) / 1000;

export function figuresOf(totals: FigureTotals): ReportFigures {
  const c = totals.counters;
  return {
    received: c.received,
    onlineSubmitted: totals.onlineReceived,
    onlineSubmissionRate: rate(totals.onlineReceived, c.received),
    decided: c.decided,
    onTime: c.onTime,
    late: c.decided - c.onTime,
    onTimeRate: rate(c.onTime, c.decided),
    extended: c.extended,
    returned: c.returned,
    fullyOnline: c.fullyOnline,
    fullyOnlineShare: rate(c.fullyOnline, c.returned),
    refused: c.refused,
    withdrawn: c.withdrawn,
    backlog: totals.backlog,
    overdueBacklog: totals.overdueBacklog,
    turnaroundDays: {
      mean: c.decided === 0 ? null : c.turnaroundMs / c.decided / MS_PER_WORKING_DAY,
      p50: days(percentileFromHistogram(totals.turnaround, 50)),
      p90: days(percentileFromHistogram(totals.turnaround, 90)),
    },
    satisfaction: {
      count: c.ratingCount,
      mean: rate(c.ratingSum, c.ratingCount),
      satisfiedShare: rate(c.satisfied, c.ratingCount),
    },
  };
}

/** A group shows when anything happened in it in the period, or files wait in it at its end. */
export function hasActivity(totals: FigureTotals): boolean {
  const c = totals.counters;
  return (
    c.received + c.decided + c.returned + c.refused + c.withdrawn + totals.backlog + totals.overdueBacklog > 0
  );
}
