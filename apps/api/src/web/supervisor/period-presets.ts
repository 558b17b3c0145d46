import type { Language } from '@onegate/domain';
import { localTime } from '@onegate/platform';

/** The periods offered as one link each above the dashboard's form (docs/portal.md, "The dashboard"). */
export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const pad = (value: number) => String(value).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const range = (year: number, firstMonth: number, lastMonth: number, today?: string) => ({
  from: `${year}-${pad(firstMonth)}-01`,
  to: today ?? `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
});

/** Today's date, `YYYY-MM-DD`, on the wall clock of a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localTime(now, timeZone).inputValue.slice(0, 10);
}

/**
 * A preset's first and last day for a local `today`: a running period (this month, quarter, year)
 * ends today; last month is the whole calendar month before this one.
 */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return range(year, month, month, today);
    case 'lastMonth':
      return month === 1 ? range(year - 1, 12, 12) : range(year, month - 1, month - 1);
    case 'thisQuarter': {
      const first = month - ((month - 1) % 3);
      return range(year, first, first + 2, today);
    }
    case 'thisYear':
      return range(year, 1, 12, today);
  }
}

const MONTH_NAMES_EN = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** A month `YYYY-MM` in words: "Tháng 1/2026", "January 2026"; anything else as it is. */
export function monthWords(language: Language, key: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const [, year, month] = match;
  if (language === 'vi') return `Tháng ${Number(month)}/${year}`;
  return `${MONTH_NAMES_EN.format(new Date(Date.UTC(Number(year), Number(month) - 1, 15)))} ${year}`;
}
