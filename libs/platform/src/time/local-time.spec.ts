import { describe, expect, it } from 'vitest';

import { DISPLAY_TIME_ZONE, formatLocal, localTime } from './local-time';

describe('local time', () => {
  const instant = new Date('2026-03-10T17:05:00Z');

  it('reads an instant on the wall clock of the zone, day first and on a 24-hour clock', () => {
    expect(localTime(instant, DISPLAY_TIME_ZONE)).toEqual({
      date: '11/03/2026',
      time: '00:05',
      dateTime: '00:05 11/03/2026',
      inputValue: '2026-03-11T00:05',
    });
  });

  it('follows a zone with daylight saving time', () => {
    expect(localTime(new Date('2026-07-01T12:00:00Z'), 'Europe/London').time).toBe('13:00');
    expect(localTime(new Date('2026-01-01T12:00:00Z'), 'Europe/London').time).toBe('12:00');
  });

  it('writes a locale’s own styles in the zone asked for', () => {
    expect(formatLocal(instant, 'en-GB', DISPLAY_TIME_ZONE, { dateStyle: 'medium' })).toBe('11 Mar 2026');
    expect(formatLocal(instant, 'en-GB', 'UTC', { dateStyle: 'medium', timeStyle: 'short' })).toBe(
      '10 Mar 2026, 17:05',
    );
  });
});
