import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import { dueAtAfterSupplement, dueAtOnReception } from './due-time';
import { formatReceiptCode } from './receipt-code';

const calendar = createVietnamWorkingCalendar();
const at = (local: string) => new Date(`${local}+07:00`);

describe('due times', () => {
  it('counts three working days from a Friday 16:00 reception across a weekend', () => {
    // 2025-06-13 is a Friday: 1 h that day, 8 h Monday, 8 h Tuesday, 7 h Wednesday.
    expect(dueAtOnReception(calendar, at('2025-06-13T16:00:00'), 24)).toEqual(at('2025-06-18T16:00:00'));
  });

  it('skips the 30/4–1/5 holidays of 2025 and their swapped Friday', () => {
    // Tue 29/4 16:00 + 8 h: 1 h on 29/4; 30/4, 1/5, 2/5 off, weekend; Mon 5/5 07 h → 16:00.
    expect(dueAtOnReception(calendar, at('2025-04-29T16:00:00'), 8)).toEqual(at('2025-05-05T16:00:00'));
  });

  it('pushes the due time by the paused working hours under the pause policy', () => {
    const dueAt = at('2025-06-18T16:00:00');
    // Paused from Mon 16/6 14:00 to Tue 17/6 10:00: 3 h + 2 h = 5 working hours.
    const outcome = dueAtAfterSupplement(
      calendar,
      'pause',
      { dueAt, processingHours: 24 },
      at('2025-06-16T14:00:00'),
      at('2025-06-17T10:00:00'),
    );
    expect(outcome.pausedHours).toBe(5);
    // Wed 18/6 16:00 + 5 h: 1 h to 17:00, then Thu 08:00–12:00 → 12:00.
    expect(outcome.dueAt).toEqual(at('2025-06-19T12:00:00'));
  });

  it('starts the whole processing time again under the restart policy', () => {
    const outcome = dueAtAfterSupplement(
      calendar,
      'restart',
      { dueAt: at('2025-06-18T16:00:00'), processingHours: 16 },
      at('2025-06-16T14:00:00'),
      at('2025-06-17T10:00:00'),
    );
    expect(outcome.pausedHours).toBe(5);
    expect(outcome.dueAt).toEqual(at('2025-06-19T10:00:00'));
  });
});

describe('receipt codes', () => {
  it('are agency, local date and a zero-padded sequence', () => {
    expect(formatReceiptCode('QN-STP', '2025-01-03', 7)).toBe('QN-STP-250103-0007');
    expect(formatReceiptCode('QN', '2026-12-31', 12345)).toBe('QN-261231-12345');
  });
});
