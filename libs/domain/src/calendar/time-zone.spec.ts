import { describe, expect, it } from 'vitest';
import { CalendarConfigError } from './calendar-errors';
import { localDateToEpochDay } from './local-date';
import { TimeZone } from './time-zone';

describe('TimeZone', () => {
  it('reads offsets from the time zone database', () => {
    expect(TimeZone.of('Asia/Ho_Chi_Minh').offsetMsAt(Date.parse('2025-06-01T00:00:00Z'))).toBe(
      7 * 3_600_000,
    );
    expect(TimeZone.of('America/New_York').offsetMsAt(Date.parse('2025-01-15T12:00:00Z'))).toBe(
      -5 * 3_600_000,
    );
    expect(TimeZone.of('America/New_York').offsetMsAt(Date.parse('2025-07-15T12:00:00Z'))).toBe(
      -4 * 3_600_000,
    );
    expect(TimeZone.of('Asia/Kathmandu').offsetMsAt(Date.parse('2025-07-15T12:00:00Z'))).toBe(345 * 60_000);
  });

  it('turns wall-clock times into instants, also around daylight-saving changes', () => {
    const newYork = TimeZone.of('America/New_York');
    const springForward = localDateToEpochDay('2025-03-09');
    const fallBack = localDateToEpochDay('2025-11-02');
    expect(newYork.instantOf(springForward, 9 * 60)).toBe(Date.parse('2025-03-09T13:00:00Z'));
    // 02:30 does not exist that night: it resolves to 03:30 EDT.
    expect(newYork.instantOf(springForward, 150)).toBe(Date.parse('2025-03-09T07:30:00Z'));
    // 01:30 happens twice: the first one (EDT) is chosen.
    expect(newYork.instantOf(fallBack, 90)).toBe(Date.parse('2025-11-02T05:30:00Z'));
    expect(newYork.instantOf(fallBack, 24 * 60)).toBe(Date.parse('2025-11-03T05:00:00Z'));
  });

  it('gives local dates of instants', () => {
    const saigon = TimeZone.of('Asia/Ho_Chi_Minh');
    expect(saigon.localDateOf(Date.parse('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(saigon.localDateOf(Date.parse('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('rejects unknown zones', () => {
    expect(() => TimeZone.of('Asia/Saigon City')).toThrow(CalendarConfigError);
    expect(() => TimeZone.of('')).toThrow(CalendarConfigError);
  });
});
