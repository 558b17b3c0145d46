import { bearer } from '../accounts';
import type { Tokens } from '../accounts';
import { request } from '../http';

/**
 * An independent working calendar for report tests, built only from `GET /api/calendar` answers (which
 * days are working days, and the office hours) and a plain day-by-day walk through office intervals.
 * It shares no code with OneGate.
 */
export class CalendarWalk {
  private constructor(
    private readonly offsetMs: number,
    private readonly workingDays: ReadonlySet<string>,
    private readonly knownDays: ReadonlySet<string>,
    /** Office intervals as minutes after local midnight. */
    private readonly office: readonly { start: number; end: number }[],
  ) {}

  /** Reads the calendar of every date in `[from, to]`, 366 days at a time. */
  public static async fetch(apiUrl: string, tokens: Tokens, from: string, to: string): Promise<CalendarWalk> {
    const working = new Set<string>();
    const known = new Set<string>();
    let office: { start: number; end: number }[] = [];
    for (let start = from; start <= to;) {
      const end = minDate(shiftDate(start, 365), to);
      const listing = await request<CalendarListing>(`${apiUrl}/api/calendar?from=${start}&to=${end}`, {
        headers: bearer(tokens),
      });
      if (listing.status !== 200) throw new Error(`calendar ${start}..${end}: ${listing.status}`);
      if (listing.body.timeZone !== 'Asia/Ho_Chi_Minh')
        throw new Error(`unexpected zone ${listing.body.timeZone}`);
      office = listing.body.officeHours.map(({ start: open, end: close }) => ({
        start: minutesOf(open),
        end: minutesOf(close),
      }));
      for (const day of listing.body.days) {
        known.add(day.date);
        if (day.working) working.add(day.date);
      }
      start = shiftDate(end, 1);
    }
    // Asia/Ho_Chi_Minh has been UTC+7 all year round since 1975.
    return new CalendarWalk(7 * 3_600_000, working, known, office);
  }

  public dateOf(instant: number): string {
    return new Date(instant + this.offsetMs).toISOString().slice(0, 10);
  }

  /** 00:00 local of a date, as an instant. */
  public startOf(date: string): number {
    return Date.parse(`${date}T00:00:00Z`) - this.offsetMs;
  }

  /** The instant `amountMs` of office time after `start` (docs/working-time.md, `addWorkingTime`). */
  public addWorkingTime(start: number, amountMs: number): number {
    let remaining = amountMs;
    let cursor = start;
    for (let date = this.dateOf(start); ; date = shiftDate(date, 1)) {
      for (const [open, close] of this.spansOn(date)) {
        if (close <= cursor) continue;
        const from = Math.max(open, cursor);
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
        cursor = close;
      }
    }
  }

  /** The office time between two instants, in milliseconds (docs/working-time.md, `workingTimeBetween`). */
  public workingTimeBetween(from: number, to: number): number {
    let total = 0;
    for (let date = this.dateOf(from); date <= this.dateOf(to); date = shiftDate(date, 1)) {
      for (const [open, close] of this.spansOn(date)) {
        total += Math.max(0, Math.min(close, to) - Math.max(open, from));
      }
    }
    return total;
  }

  private spansOn(date: string): [number, number][] {
    if (!this.knownDays.has(date)) throw new Error(`the test calendar was not fetched for ${date}`);
    if (!this.workingDays.has(date)) return [];
    const midnight = this.startOf(date);
    return this.office.map(({ start, end }) => [midnight + start * 60_000, midnight + end * 60_000]);
  }
}

interface CalendarListing {
  timeZone: string;
  officeHours: { start: string; end: string }[];
  days: { date: string; working: boolean }[];
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
