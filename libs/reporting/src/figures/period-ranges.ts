import { addDays } from '@onegate/domain';
import type { ReportGrain } from '@onegate/persistence';

/**
 * A run of rollup rows of one grain, both ends inclusive: local dates `YYYY-MM-DD`, months `YYYY-MM`
 * or years `YYYY`.
 */
export interface PeriodRange {
  readonly grain: ReportGrain;
  readonly from: string;
  readonly to: string;
}

/** The first local date of all: sums "up to a date" start here. */
export const BEGINNING = '0001-01-01';

/** How the periods of a grain make up the periods of the next coarser grain. */
interface Nesting {
  readonly fine: ReportGrain;
  /** The coarse period that holds a fine one. */
  readonly parent: (fine: string) => string;
  readonly next: (coarse: string) => string;
  readonly previous: (coarse: string) => string;
  /** The first and the last fine period of a coarse one. */
  readonly first: (coarse: string) => string;
  readonly last: (coarse: string) => string;
}

const monthOf = (date: string) => date.slice(0, 7);
const shiftYear = (year: string, by: number) => String(Number(year) + by).padStart(4, '0');
/** By arithmetic, not by dates: the month before the first month of all is month 0000-12. */
function shiftMonth(month: string, by: 1 | -1): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const nextMonth = (month: string) => shiftMonth(month, 1);
const previousMonth = (month: string) => shiftMonth(month, -1);

const DAYS_IN_MONTHS: Nesting = {
  fine: 'day',
  parent: monthOf,
  next: nextMonth,
  previous: previousMonth,
  first: (month) => `${month}-01`,
  last: (month) => addDays(`${nextMonth(month)}-01`, -1),
};

const MONTHS_IN_YEARS: Nesting = {
  fine: 'month',
  parent: (month) => month.slice(0, 4),
  next: (year) => shiftYear(year, 1),
  previous: (year) => shiftYear(year, -1),
  first: (year) => `${year}-01`,
  last: (year) => `${year}-12`,
};

/**
 * The inclusive range of local dates `[from, to]` as whole years (read from yearly rows), the whole
 * months around them (monthly rows) and the days around those (daily rows): a year is one row per key,
 * and everything up to a date a few. `coarsest: 'month'` stops at months, for sums grouped by month.
 */
export function periodRanges(from: string, to: string, coarsest: ReportGrain = 'year'): PeriodRange[] {
  if (from > to) return [];
  if (coarsest === 'day') return [{ grain: 'day', from, to }];
  return split(DAYS_IN_MONTHS, from, to, (firstMonth, lastMonth) =>
    coarsest === 'month'
      ? [{ grain: 'month', from: firstMonth, to: lastMonth }]
      : split(MONTHS_IN_YEARS, firstMonth, lastMonth, (firstYear, lastYear) => [
          { grain: 'year', from: firstYear, to: lastYear },
        ]),
  );
}

/**
 * Fine periods `[from, to]` as the whole coarse periods inside them (ranged by `wholeRanges`) and the
 * fine periods before and after those.
 */
function split(
  nesting: Nesting,
  from: string,
  to: string,
  wholeRanges: (first: string, last: string) => PeriodRange[],
): PeriodRange[] {
  const [fromParent, toParent] = [nesting.parent(from), nesting.parent(to)];
  const firstWhole = from === nesting.first(fromParent) ? fromParent : nesting.next(fromParent);
  const lastWhole = to === nesting.last(toParent) ? toParent : nesting.previous(toParent);
  if (firstWhole > lastWhole) return [{ grain: nesting.fine, from, to }];
  const ranges: PeriodRange[] = [];
  if (from < nesting.first(firstWhole)) {
    ranges.push({ grain: nesting.fine, from, to: nesting.last(nesting.previous(firstWhole)) });
  }
  ranges.push(...wholeRanges(firstWhole, lastWhole));
  if (nesting.last(lastWhole) < to) {
    ranges.push({ grain: nesting.fine, from: nesting.first(nesting.next(lastWhole)), to });
  }
  return ranges;
}

/** Every month `YYYY-MM` that has a date in `[from, to]`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = nextMonth(month)) months.push(month);
  return months;
}
