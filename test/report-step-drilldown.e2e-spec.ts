import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { generateApplications } from './support/reports/random-applications';
import { getReport, importLines, readCatalogue, reportUrl } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 800;

interface StepFigures {
  stretches: number;
  hours: number;
  late: number;
}

interface StepsReport {
  steps: (StepFigures & { procedure: string; position: number; name: string })[];
  units: (StepFigures & { agency: string; role: string })[];
  agencies: { agency: string; hours: number; atOtherAgenciesHours: number }[];
}

interface BreakdownSteps {
  stretches: number;
  hours: number;
  late: number;
  latenessHours: number;
  atOtherAgenciesHours: number;
}

interface Stretch {
  id: string;
  code: string;
  agency: string;
  unit: string;
  step: number;
  stepName: string;
  countedOn: string;
  countedAt: string;
  hours: number;
  late: boolean;
  latenessHours: number;
}

const PERIODS: Record<string, string>[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-05-31', agency: 'QN-HL' },
  { from: '2025-02-10', to: '2025-09-20', procedure: '1.001612' },
];
const BREAKDOWN = { from: '2025-02-10', to: '2025-05-20' };

const label = (filter: Record<string, string>) => Object.values(filter).join(' ');
/** The sum of rounded hours is within a cent an item of the rounded sum. */
const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/**
 * Random histories with steps go in through the import; each step figure of the step report and of every
 * breakdown group must equal the length of the list of stretches it links to, read page by page.
 */
describe(`drill-down from the step figures to their stretches (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const catalogue = await readCatalogue(stack.apiUrl);
    const lines = generateApplications({
      seed: 20_261_208,
      count: APPLICATIONS,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
      steps: true,
    });
    const imported = await importLines(stack.apiUrl, admin, lines);
    expect(imported.body).toEqual({ imported: APPLICATIONS, skipped: 0, rejected: [] });
  }, 120_000);

  afterAll(() => stack?.stop());

  /** Every stretch of a list, a page at a time; each stretch once. */
  async function wholeList(query: Record<string, string | undefined>, limit = 500): Promise<Stretch[]> {
    const stretches: Stretch[] = [];
    let cursor: string | undefined;
    do {
      const page = await getReport<{ stretches: Stretch[]; nextCursor: string | null }>(
        stack.apiUrl,
        admin,
        'steps/files',
        { ...query, limit: String(limit), cursor },
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      stretches.push(...page.body.stretches);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    const keys = stretches.map((stretch) => `${stretch.id}|${stretch.countedAt}|${stretch.step}`);
    expect(new Set(keys).size).toBe(keys.length);
    return stretches;
  }

  it.each(PERIODS.map((filter) => [label(filter), filter] as const))(
    'step report %s: each step’s and unit’s stretches and late stretches are the lengths of their lists',
    async (_, filter) => {
      const report = await getReport<StepsReport>(stack.apiUrl, admin, 'steps', filter);
      expect(report.status).toBe(200);
      expect(report.body.steps.length).toBeGreaterThan(1);
      let total = 0;
      for (const line of report.body.steps) {
        const scope = {
          ...filter,
          procedure: line.procedure,
          step: String(line.position),
          stepName: line.name,
        };
        const all = await wholeList({ ...scope, figure: 'stretches' });
        expect(all.length, `${line.procedure} ${line.position}`).toBe(line.stretches);
        expect(sumOf(all.map((stretch) => stretch.hours))).toBeCloseTo(line.hours, 0);
        const late = await wholeList({ ...scope, figure: 'late' });
        expect(late.length, `${line.procedure} ${line.position} late`).toBe(line.late);
        expect(late.every((stretch) => stretch.late)).toBe(true);
        total += line.stretches;
      }
      for (const line of report.body.units) {
        const scope = { ...filter, unit: line.agency, role: line.role };
        expect((await wholeList({ ...scope, figure: 'stretches' })).length).toBe(line.stretches);
        expect((await wholeList({ ...scope, figure: 'late' })).length).toBe(line.late);
      }
      for (const line of report.body.agencies) {
        const scope = { ...filter, groupBy: 'agency', group: line.agency };
        const elsewhere = await wholeList({ ...scope, figure: 'atOtherAgencies' });
        expect(elsewhere.every((stretch) => stretch.unit !== line.agency)).toBe(true);
        expect(sumOf(elsewhere.map((stretch) => stretch.hours))).toBeCloseTo(line.atOtherAgenciesHours, 0);
      }
      expect((await wholeList({ ...filter, figure: 'stretches' })).length).toBe(total);
      expect(total).toBeGreaterThan(0);
    },
    120_000,
  );

  it.each(['agency', 'procedure', 'field', 'month'])(
    'breakdown by %s: each group’s step figures are the lengths of their lists',
    async (groupBy) => {
      const answer = await getReport<{ groups: { key: string; steps: BreakdownSteps }[] }>(
        stack.apiUrl,
        admin,
        'breakdown',
        { ...BREAKDOWN, groupBy },
      );
      expect(answer.status).toBe(200);
      for (const group of answer.body.groups) {
        const scope = { ...BREAKDOWN, groupBy, group: group.key };
        const all = await wholeList({ ...scope, figure: 'stretches' });
        expect(all.length, `${groupBy} ${group.key}`).toBe(group.steps.stretches);
        const late = await wholeList({ ...scope, figure: 'late' });
        expect(late.length, `${groupBy} ${group.key} late`).toBe(group.steps.late);
        expect(sumOf(late.map((stretch) => stretch.latenessHours))).toBeCloseTo(group.steps.latenessHours, 0);
        const elsewhere = await wholeList({ ...scope, figure: 'atOtherAgencies' });
        expect(sumOf(elsewhere.map((stretch) => stretch.hours))).toBeCloseTo(
          group.steps.atOtherAgenciesHours,
          0,
        );
      }
    },
    120_000,
  );

  it('pages newest first by a stable keyset, whatever the page size', async () => {
    const query = { from: '2025-01-01', to: '2025-12-31', figure: 'stretches' };
    const byFifty = await wholeList(query, 50);
    expect(byFifty.length).toBeGreaterThan(100);
    expect(await wholeList(query, 7)).toEqual(byFifty);
    const times = byFifty.map((stretch) => stretch.countedOn + stretch.countedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('exports a list as CSV and XLSX', async () => {
    const query = { from: '2025-01-01', to: '2025-12-31', figure: 'late', agency: 'QN-HL' };
    const expected = (await wholeList(query)).length;
    const csv = await fetch(
      reportUrl(stack.apiUrl, 'steps/files/export', { ...query, format: 'csv', lang: 'en' }),
      {
        headers: bearer(admin),
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('onegate-step-files-late-');
    const lines = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Receipt code,Procedure,Agency,State,Step,Step name,Held by,Role,Counted on,Ended at,Working hours,Late,Hours late',
    );
    expect(lines.length - 1).toBe(expected);
    const xlsx = await fetch(reportUrl(stack.apiUrl, 'steps/files/export', { ...query, format: 'xlsx' }), {
      headers: bearer(admin),
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã hồ sơ');
    expect(sheet.actualRowCount - 1).toBe(expected);
  });

  it('follows the reports’ access rules and refuses bad parameters naming them', async () => {
    const year = { from: '2025-01-01', to: '2025-12-31', figure: 'stretches' };
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    expect((await getReport(stack.apiUrl, clerk, 'steps/files', year)).status).toBe(403);
    expect((await request(reportUrl(stack.apiUrl, 'steps/files', year))).status).toBe(401);
    const problems = async (query: Record<string, string>) => {
      const answer = await getReport<{ details?: { field: string }[] }>(stack.apiUrl, admin, 'steps/files', {
        ...year,
        ...query,
      });
      expect(answer.status).toBe(400);
      return (answer.body.details ?? []).map((detail) => detail.field);
    };
    expect(await problems({ figure: 'everything' })).toContain('figure');
    expect(await problems({ step: '9' })).toContain('step');
    expect(await problems({ stepName: 'Thẩm định' })).toContain('step');
    expect(await problems({ role: 'clerk' })).toContain('unit');
    expect(await problems({ unit: 'QN-HL', role: 'boss' })).toContain('role');
    expect(await problems({ groupBy: 'channel', group: 'online' })).toContain('groupBy');
    expect(await problems({ cursor: 'bm90IGEgY3Vyc29y' })).toContain('cursor');
    expect((await getReport(stack.apiUrl, admin, 'steps/files', { ...year, unit: 'NOWHERE' })).status).toBe(
      404,
    );
  });
});
