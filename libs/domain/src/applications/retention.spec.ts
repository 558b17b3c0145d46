import { describe, expect, it } from 'vitest';

import { CLOSED_STATES, isPastRetention, retentionCutoff } from './retention';

const NOW = new Date('2026-11-26T03:00:00Z');

describe('retention', () => {
  it('counts whole days back from now', () => {
    expect(retentionCutoff(NOW, 365).toISOString()).toBe('2025-11-26T03:00:00.000Z');
  });

  it('is past retention from the exact instant the days run out', () => {
    const closedAt = new Date('2025-11-26T03:00:00Z');
    expect(isPastRetention({ state: 'returned', closedAt }, 365, NOW)).toBe(true);
    const later = new Date(closedAt.getTime() + 1);
    expect(isPastRetention({ state: 'returned', closedAt: later }, 365, NOW)).toBe(false);
  });

  it('keeps files forever when the procedure says so, and never touches open files', () => {
    const closedAt = new Date('2000-01-01T00:00:00Z');
    expect(isPastRetention({ state: 'withdrawn', closedAt }, null, NOW)).toBe(false);
    expect(isPastRetention({ state: 'decided', closedAt }, 1, NOW)).toBe(false);
    expect(isPastRetention({ state: 'in_progress', closedAt: null }, 1, NOW)).toBe(false);
  });

  it('knows the three ends of the state table', () => {
    expect([...CLOSED_STATES].sort()).toEqual(['refused', 'returned', 'withdrawn']);
  });
});
