import { addDays } from '@onegate/domain';
import type { ReportGrain } from '@onegate/persistence';

/** A run of rollup rows of one grain: local dates `YYYY-MM-DD` or months `YYYY-MM`, both inclusive. */
export interface PeriodRange {
  readonly grain: ReportGrain;
  readonly from: string;
  readonly to: string;
}

/** The first local date of all: sums "up to a date" start here. */
export const BEGINNING = '0001-01-01';

const monthOf = (date: string) => date.slice(0, 7);
const firstDayOf = (month: string) => `${month}-01`;
const nextMonth = (month: string) => monthOf(addDays(`${month}-28`, 4));
const previousMonth = (month: string) => monthOf(addDays(firstDayOf(month), -1));
const isLastDayOfMonth = (date: string) => addDays(date, 1).endsWith('-01');

/**
 * The inclusive range of local dates `[from, to]` as whole months (read from monthly rows) plus the
 * days before the first and after the last whole month (read from daily rows), so that a year is a
 * dozen rows per key rather than 365.
 */
export function periodRanges(from: string, to: string): PeriodRange[] {
  if (from > to) return [];
  const firstWholeMonth = from.endsWith('-01') ? monthOf(from) : nextMonth(monthOf(from));
  const lastWholeMonth = isLastDayOfMonth(to) ? monthOf(to) : previousMonth(monthOf(to));
  if (firstWholeMonth > lastWholeMonth) return [{ grain: 'day', from, to }];
  const ranges: PeriodRange[] = [];
  if (from < firstDayOf(firstWholeMonth)) {
    ranges.push({ grain: 'day', from, to: addDays(firstDayOf(firstWholeMonth), -1) });
  }
  ranges.push({ grain: 'month', from: firstWholeMonth, to: lastWholeMonth });
  const afterLastWholeMonth = firstDayOf(nextMonth(lastWholeMonth));
  if (afterLastWholeMonth <= to) ranges.push({ grain: 'day', from: afterLastWholeMonth, to });
  return ranges;
}

/** Every month `YYYY-MM` that has a date in `[from, to]`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = nextMonth(month)) months.push(month);
  return months;
}
