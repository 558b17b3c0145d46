import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import { deadlineAlertAt, deadlineThresholdAt, dueSoonFrom } from './deadline-alerts';
import { previousWeek } from './weekly-period';

const calendar = createVietnamWorkingCalendar();
const at = (local: string) => new Date(`${local}+07:00`);
const MINUTE = 60_000;

describe('deadline thresholds', () => {
  it('is nothing with more than a working day left, due soon with a day or less, overdue once past', () => {
    const dueAt = at('2025-06-18T16:00:00'); // a Wednesday
    expect(deadlineThresholdAt(calendar, dueAt, at('2025-06-17T15:59:00'))).toBeNull();
    expect(deadlineThresholdAt(calendar, dueAt, at('2025-06-17T16:00:00'))).toBe('due_soon');
    expect(deadlineThresholdAt(calendar, dueAt, dueAt)).toBe('due_soon');
    expect(deadlineThresholdAt(calendar, dueAt, new Date(dueAt.getTime() + 1))).toBe('overdue');
  });

  it('counts the working day over a weekend', () => {
    // Due Monday 10:00: Friday 10:00–12:00 and 13:00–17:00, Monday 08:00–10:00 make 8 hours.
    expect(dueSoonFrom(calendar, at('2025-06-16T10:00:00'))).toEqual(at('2025-06-13T10:00:00'));
  });

  it('is due soon from the previous evening when the day left starts at 08:00', () => {
    // Due Friday 17:00: from Thursday 17:00 only Friday's 8 hours are left.
    expect(dueSoonFrom(calendar, at('2025-06-20T17:00:00'))).toEqual(at('2025-06-19T17:00:00'));
    expect(deadlineThresholdAt(calendar, at('2025-06-20T17:00:00'), at('2025-06-19T16:59:00'))).toBeNull();
    expect(deadlineThresholdAt(calendar, at('2025-06-20T17:00:00'), at('2025-06-19T23:00:00'))).toBe(
      'due_soon',
    );
  });

  it('crosses the days off of 30/4–1/5 2025', () => {
    // Due Mon 5/5 16:00: Mon 07 h from 08:00, then Tue 29/4 16:00–17:00 (30/4 to 4/5 off).
    expect(dueSoonFrom(calendar, at('2025-05-05T16:00:00'))).toEqual(at('2025-04-29T16:00:00'));
  });

  it('always names the first instant with a working day or less left', () => {
    const start = at('2025-01-01T00:00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 * 24 * 60 }), (minutes) => {
        const dueAt = calendar.addWorkingTime(new Date(start + minutes * MINUTE), 0);
        const from = dueSoonFrom(calendar, dueAt);
        expect(deadlineThresholdAt(calendar, dueAt, from)).toBe('due_soon');
        expect(deadlineThresholdAt(calendar, dueAt, new Date(from.getTime() - MINUTE))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('deadline alerts of imported files', () => {
  const dueAt = at('2025-06-18T16:00:00'); // a Wednesday; due soon from Tuesday 16:00
  const dueSoon = at('2025-06-18T09:00:00');
  const overdue = at('2025-06-19T09:00:00');

  it('raises every threshold of a file that began in OneGate', () => {
    expect(deadlineAlertAt(calendar, dueAt, dueSoon, null)).toBe('due_soon');
    expect(deadlineAlertAt(calendar, dueAt, overdue, null)).toBe('overdue');
  });

  it('raises only the thresholds crossed after the import', () => {
    const beforeBoth = at('2025-06-16T09:00:00');
    expect(deadlineAlertAt(calendar, dueAt, dueSoon, beforeBoth)).toBe('due_soon');
    expect(deadlineAlertAt(calendar, dueAt, overdue, beforeBoth)).toBe('overdue');
    // Imported already due soon: not again, but overdue when its due time passes.
    expect(deadlineAlertAt(calendar, dueAt, dueSoon, at('2025-06-17T16:00:00'))).toBeNull();
    expect(deadlineAlertAt(calendar, dueAt, overdue, at('2025-06-17T16:00:00'))).toBe('overdue');
    // Imported already overdue: never.
    expect(deadlineAlertAt(calendar, dueAt, overdue, new Date(dueAt.getTime() + 1))).toBeNull();
    expect(deadlineAlertAt(calendar, dueAt, at('2026-06-18T16:00:00'), overdue)).toBeNull();
  });

  it('over time, raises due soon only if imported before it, overdue only if imported by the due time', () => {
    const start = at('2025-06-10T00:00:00').getTime();
    const dueSoonAt = dueSoonFrom(calendar, dueAt);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 * 24 * 60 }), (importMinutes) => {
        const importedAt = new Date(start + importMinutes * MINUTE);
        const moments = [dueSoonAt, dueAt, new Date(dueAt.getTime() + 1)];
        for (
          let time = importedAt.getTime();
          time < dueAt.getTime() + 2 * 24 * 3_600_000;
          time += 30 * MINUTE
        )
          moments.push(new Date(time));
        const raised = new Set(
          moments
            .filter((now) => now >= importedAt)
            .map((now) => deadlineAlertAt(calendar, dueAt, now, importedAt)),
        );
        expect(raised.has('due_soon')).toBe(importedAt < dueSoonAt);
        expect(raised.has('overdue')).toBe(importedAt <= dueAt);
      }),
      { numRuns: 200 },
    );
  });
});

describe('previous week', () => {
  it('is the last full Monday-to-Sunday week, in local time', () => {
    // Monday 2026-11-30 07:00 in Ha Noi is still Sunday in UTC.
    expect(previousWeek('Asia/Ho_Chi_Minh', at('2026-11-30T07:00:00'))).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      startsAt: at('2026-11-23T00:00:00'),
      endsAt: at('2026-11-30T00:00:00'),
    });
    expect(previousWeek('Asia/Ho_Chi_Minh', at('2026-11-29T23:59:00')).from).toBe('2026-11-16');
  });
});
