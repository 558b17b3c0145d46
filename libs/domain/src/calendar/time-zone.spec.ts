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

  it('remembers offsets per hour without changing any, even on the second of a change', () => {
    const intlOffset = (zone: string, instantMs: number) => {
      const wholeSecond = Math.floor(instantMs / 1000) * 1000;
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }).formatToParts(wholeSecond);
      const field = (type: string) => Number(parts.find((part) => part.type === type)!.value);
      const wall = Date.UTC(
        field('year'),
        field('month') - 1,
        field('day'),
        field('hour'),
        field('minute'),
        field('second'),
      );
      return wall - wholeSecond;
    };
    // New York springs forward at 07:00 UTC; Lord Howe moves by half an hour; Saigon changed in 1975.
    const changes = [
      ['America/New_York', Date.parse('2025-03-09T07:00:00Z')],
      ['America/New_York', Date.parse('2025-11-02T06:00:00Z')],
      ['Australia/Lord_Howe', Date.parse('2025-04-05T15:00:00Z')],
      ['Asia/Ho_Chi_Minh', Date.parse('1975-06-12T16:00:00Z')],
    ] as const;
    for (const [name, change] of changes) {
      const zone = TimeZone.of(name);
      for (const delta of [-3_600_001, -1001, -1000, -1, 0, 1, 999, 1000, 59 * 60_000, 3_600_000]) {
        expect(zone.offsetMsAt(change + delta), `${name} at ${change + delta}`).toBe(
          intlOffset(name, change + delta),
        );
      }
    }
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (const name of ['Europe/London', 'America/Santiago', 'Asia/Ho_Chi_Minh', 'Pacific/Chatham']) {
      const zone = TimeZone.of(name);
      for (let sample = 0; sample < 300; sample += 1) {
        const instant = Math.floor(Date.parse('1960-01-01T00:00:00Z') + random() * 3e12);
        expect(zone.offsetMsAt(instant), `${name} at ${instant}`).toBe(intlOffset(name, instant));
      }
    }
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
