import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, createStaff, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { CalendarWalk } from './support/reports/calendar-walk';
import { generateApplications } from './support/reports/random-applications';
import {
  getReport,
  importLines,
  readCatalogue,
  reportUrl,
  wholeFileList,
} from './support/reports/report-client';
import type { IndexProcedureFacts } from './support/reports/service-index-by-hand';
import { ServiceIndexByHand } from './support/reports/service-index-by-hand';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 1_200;

interface Criterion {
  id: string;
  numerator: number | null;
  denominator: number | null;
}

/** Each list of the index and the figure it must be the length of (docs/decision-766.md, "Drill-down"). */
const LISTS: [figure: string, criterion: string, part: 'numerator' | 'denominator'][] = [
  ['index.2a.numerator', '2a', 'numerator'],
  ['index.2a.denominator', '2a', 'denominator'],
  ['index.2b.denominator', '2b', 'denominator'],
  ['index.3c.numerator', '3c', 'numerator'],
  ['index.3c.denominator', '3c', 'denominator'],
  ['index.3e.numerator', '3e', 'numerator'],
  ['index.3e.denominator', '3e', 'denominator'],
  ['index.4a.numerator', '4a', 'numerator'],
  ['index.4a.denominator', '4a', 'denominator'],
  ['index.4b.numerator', '4b', 'numerator'],
  ['index.4b.denominator', '4b', 'denominator'],
  ['index.4c.numerator', '4c', 'numerator'],
  ['index.4c.denominator', '4c', 'denominator'],
  ['index.5c.denominator', '5c', 'denominator'],
];

const PERIODS: { from: string; to: string; agency?: string }[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-03-31', agency: 'QN-HL' },
  { from: '2025-04-15', to: '2025-07-10', agency: 'QN-HL' },
  { from: '2025-02-10', to: '2025-02-20', agency: 'QN-STP' },
  { from: '2025-05-01', to: '2025-10-31', agency: 'QN' },
];

const label = (period: object) => Object.values(period).join(' ');
const sorted = (codes: string[]) => [...codes].sort();

/**
 * Random histories go in through the import; each numerator and denominator of the service index that
 * counts files must equal the length of the list it links to, and that list the files an independent
 * computation from the same lines counts.
 */
describe(`drill-down from the service index to its files (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let byHand: ServiceIndexByHand;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const catalogue = await readCatalogue(stack.apiUrl);
    const lines = generateApplications({
      seed: 20_261_766,
      count: APPLICATIONS,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
    });
    const imported = await importLines(stack.apiUrl, admin, lines);
    expect(imported.body).toEqual({ imported: APPLICATIONS, skipped: 0, rejected: [] });
    const procedures = await request<{ items: IndexProcedureFacts[] }>(
      `${stack.apiUrl}/api/procedures?pageSize=100&includeRetired=true`,
    );
    const calendar = await CalendarWalk.fetch(stack.apiUrl, admin, '2024-12-01', '2026-12-31');
    byHand = new ServiceIndexByHand(lines, procedures.body.items, catalogue.agencies, calendar);
  }, 120_000);

  afterAll(() => stack?.stop());

  it.each(PERIODS.map((period) => [label(period), period] as const))(
    'index %s: each numerator and denominator is the length of its list, and the list the files counted',
    async (_, period) => {
      const index = await getReport<{ criteria: Criterion[] }>(stack.apiUrl, admin, 'service-index', {
        ...period,
      });
      expect(index.status).toBe(200);
      const expected = byHand.fileLists(period.from, period.to, period.agency ?? null);
      for (const [figure, id, part] of LISTS) {
        const files = await wholeFileList(stack.apiUrl, admin, { ...period, figure });
        const criterion = index.body.criteria.find((candidate) => candidate.id === id)!;
        expect(files.length, `${label(period)}: ${figure}`).toBe(criterion[part]);
        expect(sorted(files.map((file) => file.code)), `${label(period)}: ${figure} by hand`).toEqual(
          sorted(expected[figure]!.map((story) => story.code)),
        );
      }
    },
    120_000,
  );

  it('has the data set it claims: every list but the digitised ones holds files, fewer than their whole', () => {
    const year = byHand.fileLists('2025-01-01', '2025-12-31', null);
    for (const id of ['2a', '3c', '3e', '4a']) {
      const numerator = year[`index.${id}.numerator`]!.length;
      expect(numerator, id).toBeGreaterThan(0);
      expect(numerator, id).toBeLessThan(year[`index.${id}.denominator`]!.length);
    }
    // 2a's lists join files decided in the period and files open at its end.
    const open = year['index.2a.denominator']!.filter((story) => story.decidedAt === null);
    expect(open.length).toBeGreaterThan(0);
  });

  it('exports a criterion’s list as CSV and XLSX, one row per file counted', async () => {
    const query = { from: '2025-01-01', to: '2025-12-31', agency: 'QN-HL' };
    const index = await getReport<{ criteria: Criterion[] }>(stack.apiUrl, admin, 'service-index', query);
    const twoA = index.body.criteria.find((criterion) => criterion.id === '2a')!;
    const csv = await fetch(
      reportUrl(stack.apiUrl, 'files/export', {
        ...query,
        figure: 'index.2a.numerator',
        format: 'csv',
        lang: 'en',
      }),
      { headers: bearer(admin) },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('onegate-files-index.2a.numerator-');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.length - 1).toBe(twoA.numerator);
    expect(twoA.numerator).toBeGreaterThan(0);
    const xlsx = await fetch(
      reportUrl(stack.apiUrl, 'files/export', { ...query, figure: 'index.3e.denominator', format: 'xlsx' }),
      { headers: bearer(admin) },
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('keeps a supervisor to their own subtree and refuses a figure the index does not have', async () => {
    const local = await createStaff(stack.apiUrl, admin, {
      email: 'chiso766.danhsach@qn.gov.vn',
      fullName: 'Lê Danh Sách',
      role: 'supervisor',
      agencyCode: 'QN-HL',
      password: 'Ha Long index lists 2025',
    });
    const year = { from: '2025-01-01', to: '2025-12-31', figure: 'index.2a.denominator' };
    const own = await wholeFileList(stack.apiUrl, local, year);
    const asAdmin = await wholeFileList(stack.apiUrl, admin, { ...year, agency: 'QN-HL' });
    expect(own).toEqual(asAdmin);
    expect(own.every((file) => file.agency.startsWith('QN-HL'))).toBe(true);
    expect((await getReport(stack.apiUrl, local, 'files', { ...year, agency: 'QN-STP' })).status).toBe(404);
    for (const figure of ['index.3a.numerator', 'index.2b.numerator', 'index.5a.denominator']) {
      const answer = await getReport<{ details?: { field: string }[] }>(stack.apiUrl, admin, 'files', {
        ...year,
        figure,
      });
      expect(answer.status, figure).toBe(400);
      expect((answer.body.details ?? []).map((detail) => detail.field)).toContain('figure');
    }
  });
});
