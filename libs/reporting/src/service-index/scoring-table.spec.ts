import { describe, expect, it } from 'vitest';

import { zeroCounters } from '../figures/report-counters';
import type { IndexInputs } from './criteria';
import { DEFAULT_SCORING_TABLE, pointsOf, scoringProblems, versionFor } from './scoring-table';
import { serviceIndexOf } from './service-index';

const VERSION_1 = { ...DEFAULT_SCORING_TABLE, version: 1, effectiveFrom: '2022-06-23', createdAt: '' };

describe('the scoring table of the service index', () => {
  it('gives the maximum from the full-points rate on, and proportionally below it', () => {
    expect(pointsOf(0.85, { max: 4, fullAt: 0.8 })).toBe(4);
    expect(pointsOf(0.6, { max: 4, fullAt: 0.8 })).toBe(3);
    expect(pointsOf(0.4, { max: 6, fullAt: 0.5 })).toBe(4.8);
    expect(pointsOf(0.75, { max: 20, fullAt: 1 })).toBe(15);
    expect(pointsOf(1, { max: 6, fullAt: 0.9 })).toBe(6);
  });

  it('ships a table without problems, and names the field of each problem', () => {
    expect(scoringProblems(DEFAULT_SCORING_TABLE)).toEqual([]);
    const tooMuch = {
      ...DEFAULT_SCORING_TABLE,
      criteria: DEFAULT_SCORING_TABLE.criteria.map((criterion) =>
        criterion.id === '5c' ? { ...criterion, max: 7, fullAt: 0 } : criterion,
      ),
    };
    expect(scoringProblems(tooMuch).map((problem) => problem.field)).toEqual([
      'criteria[15].fullAt',
      'groups[4].max',
    ]);
    const missing = { ...DEFAULT_SCORING_TABLE, groups: DEFAULT_SCORING_TABLE.groups.slice(1) };
    expect(scoringProblems(missing)[0]).toEqual({
      field: 'groups',
      problem: 'groups must list group 1 exactly once',
    });
  });

  it('scores a period with the version in force on its last day, or the first one before them all', () => {
    const versions = [
      { version: 1, effectiveFrom: '2022-06-23' },
      { version: 2, effectiveFrom: '2026-01-01' },
    ];
    expect(versionFor(versions, '2025-12-31')?.version).toBe(1);
    expect(versionFor(versions, '2026-01-01')?.version).toBe(2);
    expect(versionFor(versions, '2020-01-01')?.version).toBe(1);
  });
});

describe('the service index of a unit', () => {
  const inputs: IndexInputs = {
    counters: {
      ...zeroCounters(),
      received: 100,
      decided: 80,
      indexOnTime: 60,
      feeBearing: 40,
      paidOnline: 10,
      signedOnline: 40,
      returned: 50,
      dissatisfied: 5,
      turnaroundMs: 80 * 16 * 3_600_000,
    },
    onlineReceived: 30,
    backlog: 20,
    lateOpen: 5,
    procedures: [
      { id: 'a', onlineLevel: 'full', feeVnd: 0 },
      { id: 'b', onlineLevel: 'partial', feeVnd: 10_000 },
      { id: 'c', onlineLevel: 'offline', feeVnd: 20_000 },
    ],
    proceduresReceivedOnline: new Set(['a']),
    digitisation: { files: 100, digitised: 60, reused: 20 },
    feedback: { feedback: 10, handledOnTime: 7, notSatisfiedOrLate: 4 },
    returnedWithComplaint: 3,
    sentToPortal: 100,
    synchronised: 80,
  };
  const index = serviceIndexOf(inputs, VERSION_1);
  const criterion = (id: string) => index.criteria.find((candidate) => candidate.id === id)!;

  it('computes each criterion as numerator over denominator, and its points by the table', () => {
    expect(criterion('2a')).toMatchObject({
      numerator: 75,
      denominator: 100,
      rate: 0.75,
      points: 15,
      max: 20,
    });
    expect(criterion('2b')).toMatchObject({ meanDays: 2, denominator: 80, points: null, max: null });
    expect(criterion('3a')).toMatchObject({ numerator: 2, denominator: 3, points: 3.33 });
    expect(criterion('3b')).toMatchObject({ numerator: 1, denominator: 2, points: 1 });
    // 1d: 80 of the 100 files sent to the portal are synchronised; 3c's rate 0.3 is multiplied by that 0.8.
    expect(criterion('1d')).toMatchObject({ source: 'portal', numerator: 80, denominator: 100, points: 4.8 });
    expect(criterion('3c')).toMatchObject({ numerator: 30, denominator: 100, factor: 0.8, points: 2.88 });
    expect(criterion('3c').rate).toBeCloseTo(0.24, 12);
    expect(criterion('3d')).toMatchObject({ numerator: 1, denominator: 2, points: 2.5 });
    expect(criterion('3e')).toMatchObject({ numerator: 10, denominator: 40, points: 1.5 });
    expect(criterion('4a')).toMatchObject({ numerator: 40, denominator: 80, points: 3 });
    expect(criterion('4b')).toMatchObject({
      source: 'documents',
      numerator: 60,
      denominator: 100,
      points: 3,
    });
    expect(criterion('4c')).toMatchObject({ numerator: 20, denominator: 100, points: 0.5 });
    expect(criterion('5a')).toMatchObject({ source: 'feedback', numerator: 7, denominator: 10, points: 4.2 });
    expect(criterion('5b')).toMatchObject({ numerator: 6, denominator: 10, points: 3.6 });
    // 5c: 50 returned, 5 rated 1 or 2, 3 more with a complaint.
    expect(criterion('5c')).toMatchObject({ numerator: 42, denominator: 50, points: 5.6 });
  });

  it('leaves 5a and 5b out of the points when no feedback was due in the period', () => {
    const quiet = serviceIndexOf(
      { ...inputs, feedback: { feedback: 0, handledOnTime: 0, notSatisfiedOrLate: 0 } },
      VERSION_1,
    );
    const five = quiet.criteria.filter((candidate) => candidate.id === '5a' || candidate.id === '5b');
    expect(five.map(({ rate, points }) => ({ rate, points }))).toEqual([
      { rate: null, points: null },
      { rate: null, points: null },
    ]);
    expect(quiet.groups.find((group) => group.id === '5')).toMatchObject({ points: 5.6, computableMax: 6 });
  });

  it('shows what it cannot compute with the reason, outside the points and the computable maximum', () => {
    expect(criterion('1a')).toMatchObject({ source: null, missing: 'publication_dates', points: null });
    const group = (id: string) => index.groups.find((candidate) => candidate.id === id)!;
    expect(group('1')).toEqual({ id: '1', max: 18, confirmed: true, points: 4.8, computableMax: 6 });
    expect(group('3')).toMatchObject({ points: 11.21, computableMax: 22 });
    expect(group('4')).toMatchObject({ points: 6.5, computableMax: 12 });
    expect(group('5')).toMatchObject({ points: 13.4, computableMax: 18 });
    expect(index.total).toBe(50.91);
    expect(index.computableMax).toBe(78);
  });
});
