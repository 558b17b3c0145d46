import type { Language } from '@onegate/domain';
import { DISPLAY_TIME_ZONE, formatLocal, localTime } from '@onegate/platform';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
}

const toDate = (value: string | Date): Date | null => {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

export function formatDateTime(language: Language, value: string | Date | null | undefined): string {
  const date = value ? toDate(value) : null;
  if (!date) return '';
  return formatLocal(date, LOCALES[language], DISPLAY_TIME_ZONE, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date: an instant shown on its local day, or a plain `YYYY-MM-DD` shown as that day. */
export function formatDate(language: Language, value: string | Date | null | undefined): string {
  if (!value) return '';
  const plain = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = toDate(plain ? `${value as string}T12:00:00+07:00` : value);
  if (!date) return '';
  return formatLocal(date, LOCALES[language], DISPLAY_TIME_ZONE, { dateStyle: 'medium' });
}

export function formatVnd(language: Language, amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return cached(
    `vnd:${language}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'VND' }),
  ).format(amount);
}

/** A number with at most `digits` decimals and at least `minDigits` (a median of 3 days reads "3,0"). */
export function formatNumber(
  language: Language,
  value: number | null | undefined,
  digits = 0,
  minDigits = 0,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return cached(
    `n:${language}:${digits}:${minDigits}`,
    () =>
      new Intl.NumberFormat(LOCALES[language], {
        minimumFractionDigits: Math.min(minDigits, digits),
        maximumFractionDigits: digits,
      }),
  ).format(value);
}

export function formatPercent(language: Language, rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '–';
  return cached(
    `p:${language}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }),
  ).format(rate);
}

/** `YYYY-MM-DDTHH:mm` as the local wall-clock time in the display time zone, for datetime-local inputs. */
export function toLocalInputValue(value: Date): string {
  return localTime(value, DISPLAY_TIME_ZONE).inputValue;
}

/** A datetime-local value read as Vietnam time (UTC+7, no daylight saving), as an ISO instant. */
export function fromLocalInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today's local date in the display time zone, `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  return toLocalInputValue(now).slice(0, 10);
}

/** A file's size in KB under a megabyte, else in MB with one decimal: "340 KB", "1,2 MB". */
export function formatFileSize(language: Language, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(language, Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(language, Math.round((bytes / 1024 / 1024) * 10) / 10, 1)} MB`;
}
