import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, formatVnd, fromLocalInputValue, toLocalInputValue } from './formatters';

describe('formatters', () => {
  const instant = new Date('2026-03-10T02:05:00Z');

  it('show times in Vietnam time, in the reader’s language', () => {
    expect(formatDateTime('en', instant)).toContain('09:05');
    expect(formatDateTime('en', instant)).toContain('10 Mar 2026');
    expect(formatDateTime('vi', instant)).toContain('09:05');
    expect(formatDate('vi', '2026-03-10')).toContain('2026');
  });

  it('write VND amounts the way each language does', () => {
    expect(formatVnd('vi', 100_000)).toMatch(/^100\.000\s₫$/);
    expect(formatVnd('en', 100_000)).toBe('₫100,000');
  });

  it('read and write datetime-local values as Vietnam wall-clock time', () => {
    expect(toLocalInputValue(instant)).toBe('2026-03-10T09:05');
    expect(fromLocalInputValue('2026-03-10T09:05')).toBe(instant.toISOString());
    expect(fromLocalInputValue('tomorrow')).toBeNull();
  });
});
