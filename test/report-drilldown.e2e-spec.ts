import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, createStaff, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { CalendarWalk } from './support/reports/calendar-walk';
import type { Figures, Filter, Grouping } from './support/reports/figures-by-hand';
import { FiguresByHand } from './support/reports/figures-by-hand';
import { generateApplications } from './support/reports/random-applications';
import {
  getReport,
  importLines,
  readCatalogue,
  reportUrl,
  wholeFileList,
} from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 1_200;

/** Every count of the summary and the list it links to; rates, means and ratings link to their denominator. */
const LINKS: [figure: string, count: (figures: Figures) => number][] = [
  ['received', (f) => f.received],
  ['onlineSubmitted', (f) => f.onlineSubmitted],
  ['onlineSubmissionRate', (f) => f.received],
  ['decided', (f) => f.decided],
  ['onTime', (f) => f.onTime],
  ['late', (f) => f.late],
  ['onTimeRate', (f) => f.decided],
  ['extended', (f) => f.extended],
  ['returned', (f) => f.returned],
  ['fullyOnline', (f) => f.fullyOnline],
  ['fullyOnlineShare', (f) => f.returned],
  ['refused', (f) => f.refused],
  ['withdrawn', (f) => f.withdrawn],
  ['backlog', (f) => f.backlog],
  ['overdueBacklog', (f) => f.overdueBacklog],
  ['turnaroundDays', (f) => f.decided],
  ['satisfaction', (f) => f.satisfaction.count],
];

const SUMMARIES: Filter[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-03-31', agency: 'QN-HL' },
  { from: '2025-04-15', to: '2025-07-10', procedure: '1.001612' },
  { from: '2024-12-15', to: '2026-01-31', agency: 'QN' },
];
const GROUPINGS: Grouping[] = ['agency', 'procedure', 'field', 'month', 'channel'];
const BREAKDOWN: Filter = { from: '2025-02-10', to: '2025-05-20' };

const label = (filter: Filter) => Object.values(filter).join(' ');

interface FilesPage {
  files: { id: string; code: string; countedOn: string; countedAt: string; agency: string }[];
  nextCursor: string | null;
}

/**
 * Random histories go in through the import; each figure of the summary, of every breakdown group and
 * of the time in each state must equal the length of the list it links to, read page by page.
 */
describe(`drill-down from each figure to its files (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let localSupervisor: Tokens;
  let byHand: FiguresByHand;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    localSupervisor = await createStaff(stack.apiUrl, admin, {
      email: 'giamsat.drilldown@qn.gov.vn',
      fullName: 'Vũ Văn Giám Sát',
      role: 'supervisor',
      agencyCode: 'QN-HL',
      password: 'Ha Long supervisor 2025',
    });
    const catalogue = await readCatalogue(stack.apiUrl);
    const lines = generateApplications({
      seed: 20_261_207,
      count: APPLICATIONS,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
    });
    const imported = await importLines(stack.apiUrl, admin, lines);
    expect(imported.body).toEqual({ imported: APPLICATIONS, skipped: 0, rejected: [] });
    const calendar = await CalendarWalk.fetch(stack.apiUrl, admin, '2024-12-01', '2026-12-31');
    byHand = new FiguresByHand(lines, catalogue, calendar);
  }, 120_000);

  afterAll(() => stack?.stop());

  /** The ids of every file of a list, read a page at a time; each file once. */
  const wholeList = async (query: Record<string, string | undefined>, limit = 500): Promise<string[]> =>
    (await wholeFileList(stack.apiUrl, admin, query, limit)).map((file) => file.id);

  it.each(SUMMARIES.map((filter) => [label(filter), filter] as const))(
    'summary %s: each figure is the length of its list',
    async (_, filter) => {
      const summary = await getReport<Figures>(stack.apiUrl, admin, 'summary', { ...filter });
      expect(summary.status).toBe(200);
      // The lists are checked against the figures as reported and as computed independently.
      const expected = byHand.summary(filter);
      for (const [figure, count] of LINKS) {
        const files = await wholeList({ ...filter, figure });
        expect(files.length, `${label(filter)}: ${figure}`).toBe(count(summary.body));
        expect(files.length, `${label(filter)}: ${figure} by hand`).toBe(count(expected));
      }
      expect(summary.body.received).toBeGreaterThan(0);
    },
    60_000,
  );

  it.each(GROUPINGS)(
    'breakdown by %s: each group’s figures are the lengths of their lists',
    async (groupBy) => {
      const answer = await getReport<{ groups: ({ key: string } & Figures)[] }>(
        stack.apiUrl,
        admin,
        'breakdown',
        { ...BREAKDOWN, groupBy },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.groups.length).toBeGreaterThan(1);
      for (const group of answer.body.groups) {
        for (const [figure, count] of LINKS) {
          const files = await wholeList({ ...BREAKDOWN, figure, groupBy, group: group.key });
          expect(files.length, `${groupBy} ${group.key}: ${figure}`).toBe(count(group));
        }
      }
    },
    120_000,
  );

  it('time in each state: each count is the length of the list of its procedure', async () => {
    const report = await getReport<{
      procedures: { procedure: string; states: Record<string, { count: number }> }[];
    }>(stack.apiUrl, admin, 'time-in-state', { ...BREAKDOWN });
    expect(report.body.procedures.length).toBeGreaterThan(1);
    for (const { procedure, states } of report.body.procedures) {
      for (const [state, { count }] of Object.entries(states)) {
        const files = await wholeList({
          ...BREAKDOWN,
          figure: `timeInState.${state}`,
          groupBy: 'procedure',
          group: procedure,
        });
        expect(files.length, `${procedure} ${state}`).toBe(count);
      }
    }
  }, 60_000);

  it('pages newest first by a stable keyset, whatever the page size', async () => {
    const query = { from: '2025-01-01', to: '2025-12-31', figure: 'decided' };
    const byFifty = await wholeList(query, 50);
    expect(byFifty.length).toBeGreaterThan(100);
    expect(await wholeList(query, 7)).toEqual(byFifty);
    const first = await getReport<FilesPage>(stack.apiUrl, admin, 'files', query);
    expect(first.body.files).toHaveLength(50);
    const times = first.body.files.map((file) => file.countedOn + file.countedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.body.files[0]).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        procedure: expect.any(String),
        agency: expect.any(String),
        state: expect.any(String),
        receivedAt: expect.any(String),
        decidedAt: expect.any(String),
        dueAt: expect.any(String),
      }),
    );
    const keys = Object.keys(first.body.files[0]!).sort();
    expect(keys).toEqual(
      [
        'agency',
        'channel',
        'code',
        'countedAt',
        'countedOn',
        'decidedAt',
        'dueAt',
        'id',
        'procedure',
        'receivedAt',
        'state',
      ].sort(),
    );
  });

  it('exports the whole list as CSV and XLSX', async () => {
    const query = { from: '2025-01-01', to: '2025-12-31', figure: 'late', agency: 'QN-HL' };
    const summary = await getReport<Figures>(stack.apiUrl, admin, 'summary', {
      from: query.from,
      to: query.to,
      agency: query.agency,
    });
    const csv = await fetch(
      reportUrl(stack.apiUrl, 'files/export', { ...query, format: 'csv', lang: 'en' }),
      {
        headers: bearer(admin),
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('onegate-files-late-');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // UTF-8 with a byte-order mark, as the other report exports.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Receipt code,Procedure,Agency,Channel,State,Counted on,Counted at,Received at,Due at,Decided at',
    );
    expect(lines.length - 1).toBe(summary.body.late);

    const xlsx = await fetch(
      reportUrl(stack.apiUrl, 'files/export', { ...query, format: 'xlsx', lang: 'vi' }),
      { headers: bearer(admin) },
    );
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã hồ sơ');
    expect(sheet.actualRowCount - 1).toBe(summary.body.late);
  });

  it('follows the reports’ access rules and refuses bad parameters naming them', async () => {
    const year = { from: '2025-01-01', to: '2025-12-31', figure: 'received' };
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    const citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    expect((await getReport(stack.apiUrl, clerk, 'files', year)).status).toBe(403);
    expect((await getReport(stack.apiUrl, citizen, 'files', year)).status).toBe(403);
    expect((await request(reportUrl(stack.apiUrl, 'files', year))).status).toBe(401);

    // A supervisor's own subtree, and nothing outside it.
    const own = await getReport<FilesPage>(stack.apiUrl, localSupervisor, 'files', { ...year, limit: '500' });
    const asAdmin = await getReport<FilesPage>(stack.apiUrl, admin, 'files', {
      ...year,
      agency: 'QN-HL',
      limit: '500',
    });
    expect(own.status).toBe(200);
    expect(own.body.files).toEqual(asAdmin.body.files);
    expect(own.body.files.every((file) => file.agency.startsWith('QN-HL'))).toBe(true);
    for (const outside of [{ agency: 'QN-STP' }, { agency: 'QN' }, { groupBy: 'agency', group: 'QN-STP' }]) {
      expect((await getReport(stack.apiUrl, localSupervisor, 'files', { ...year, ...outside })).status).toBe(
        404,
      );
    }

    const problems = async (query: Record<string, string>) => {
      const answer = await getReport<{ details?: { field: string }[] }>(stack.apiUrl, admin, 'files', {
        ...year,
        ...query,
      });
      expect(answer.status).toBe(400);
      return (answer.body.details ?? []).map((detail) => detail.field);
    };
    expect(await problems({ figure: 'everything' })).toContain('figure');
    expect(await problems({ limit: '501' })).toContain('limit');
    expect(await problems({ limit: '0' })).toContain('limit');
    expect(await problems({ cursor: 'not-a-cursor' })).toContain('cursor');
    expect(await problems({ groupBy: 'month' })).toContain('group');
    expect(await problems({ groupBy: 'month', group: '2024-02' })).toContain('group');
    expect(await problems({ group: 'QN-HL' })).toContain('groupBy');
    expect(await problems({ groupBy: 'channel', group: 'pigeon' })).toContain('group');
  });
});
