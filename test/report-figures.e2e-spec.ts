import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { CalendarWalk } from './support/reports/calendar-walk';
import type { BreakdownFigures, Figures, Filter, Grouping } from './support/reports/figures-by-hand';
import { FiguresByHand } from './support/reports/figures-by-hand';
import { generateApplications } from './support/reports/random-applications';
import { expectSameFigures, getReport, importLines, readCatalogue } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 3_000;

const SUMMARIES: Filter[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-04-15', to: '2025-07-10' },
  { from: '2025-09-02', to: '2025-09-02' },
  { from: '2025-06-16', to: '2025-06-16' },
  { from: '2025-12-01', to: '2026-02-28' },
  { from: '2025-01-01', to: '2025-06-30', agency: 'QN-HL' },
  { from: '2025-02-10', to: '2025-02-20', agency: 'QN-STP' },
  { from: '2025-05-01', to: '2025-10-31', agency: 'QN' },
  { from: '2025-01-01', to: '2025-12-31', procedure: '1.001612' },
  { from: '2025-04-01', to: '2025-08-15', agency: 'QN-HL-BC', procedure: '1.001193' },
  // Whole years, and the months and days around them.
  { from: '2024-12-15', to: '2026-01-31' },
  { from: '2025-01-01', to: '2026-12-31', agency: 'QN-HL' },
  { from: '2025-03-01', to: '2026-03-31', agency: 'QN' },
];

const BREAKDOWN_FILTERS: Filter[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-04-15', to: '2025-07-10', agency: 'QN-HL' },
  { from: '2024-12-20', to: '2026-01-10' },
];
const GROUPINGS: Grouping[] = ['agency', 'procedure', 'field', 'month', 'channel'];

const label = (filter: Filter) => Object.values(filter).join(' ');

/**
 * Thousands of random histories go in through the import; every figure of the summary and of each
 * breakdown must equal what a deliberately simple, independent computation makes of the same lines
 * with a calendar read from GET /api/calendar.
 */
describe(`report figures against an independent computation (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let byHand: FiguresByHand;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const catalogue = await readCatalogue(stack.apiUrl);
    const lines = generateApplications({
      seed: 20_251_126,
      count: APPLICATIONS,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
      steps: true,
    });
    const imported = await importLines(stack.apiUrl, admin, lines);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ imported: APPLICATIONS, skipped: 0, rejected: [] });
    const calendar = await CalendarWalk.fetch(stack.apiUrl, admin, '2024-12-01', '2026-12-31');
    byHand = new FiguresByHand(lines, catalogue, calendar);
  }, 120_000);

  afterAll(() => stack?.stop());

  it.each(SUMMARIES.map((filter) => [label(filter), filter] as const))('summary %s', async (_, filter) => {
    const summary = await getReport<Figures>(stack.apiUrl, admin, 'summary', { ...filter });
    expect(summary.status).toBe(200);
    expectSameFigures(summary.body, byHand.summary(filter), label(filter));
  });

  const breakdowns = BREAKDOWN_FILTERS.flatMap((filter) =>
    GROUPINGS.map((grouping) => [`${grouping} ${label(filter)}`, filter, grouping] as const),
  );
  it.each(breakdowns)('breakdown by %s', async (name, filter, grouping) => {
    const answer = await getReport<{ groups: BreakdownFigures[] }>(stack.apiUrl, admin, 'breakdown', {
      ...filter,
      groupBy: grouping,
    });
    expect(answer.status).toBe(200);
    const expected = byHand.breakdown(filter, grouping);
    expect(answer.body.groups.map((group) => group.key)).toEqual(expected.map((group) => group.key));
    expected.forEach((group, index) => {
      expectSameFigures(answer.body.groups[index]!, group, `${name}: ${group.key}`);
      expect(answer.body.groups[index]!.steps, `${name}: ${group.key} steps`).toEqual(group.steps);
    });
  });

  it('has the data set it claims: every kind of story is there', () => {
    const year = byHand.summary({ from: '2025-01-01', to: '2026-12-31' });
    expect(year.received).toBeGreaterThan(APPLICATIONS * 0.8);
    for (const name of [
      'refused',
      'withdrawn',
      'extended',
      'fullyOnline',
      'late',
      'backlog',
      'overdueBacklog',
    ] as const) {
      expect(year[name], name).toBeGreaterThan(0);
    }
    expect(year.fullyOnline).toBeLessThan(year.returned);
    expect(year.satisfaction.count).toBeGreaterThan(100);
    // Step stretches, late ones and transfers are there, in every breakdown that can carry them.
    const steps = byHand.breakdown({ from: '2025-01-01', to: '2026-12-31' }, 'month');
    const sum = (name: 'stretches' | 'late' | 'atOtherAgenciesHours') =>
      steps.reduce((total, group) => total + group.steps![name], 0);
    expect(sum('stretches')).toBeGreaterThan(APPLICATIONS * 0.5);
    expect(sum('late')).toBeGreaterThan(0);
    expect(sum('late')).toBeLessThan(sum('stretches'));
    expect(sum('atOtherAgenciesHours')).toBeGreaterThan(0);
  });
});
