import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, createStaff, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { event, recordLine, returnedStory } from './support/reports/crafted-lines';
import { getReport, importLines, reportUrl } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const WEEK = { from: '2025-06-23', to: '2025-06-27' };
const CITIZEN_ID = '022090001234';

/** Who sees which reports, ratings by citizens, time in each state, and the exports. */
describe(`reports: access, ratings, time in state, exports (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let citizen: Tokens;
  let localSupervisor: Tokens;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const password = stack.config.demoPassword!;
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    localSupervisor = await createStaff(stack.apiUrl, admin, {
      email: 'giamsat.halong@qn.gov.vn',
      fullName: 'Vũ Văn Giám Sát',
      role: 'supervisor',
      agencyCode: 'QN-HL',
      password: 'Ha Long supervisor 2025',
    });
    const mine = { nationalId: CITIZEN_ID, fullName: 'Nguyễn Văn A' };
    const imported = await importLines(stack.apiUrl, admin, [
      // Every step of the time-in-state example of docs/metrics.md, in the week of 23 June 2025.
      recordLine(
        'QN-STP-250623-0001',
        [
          event('submit', '2025-06-23T08:00:00'),
          event('receive', '2025-06-23T09:00:00'),
          event('pay', '2025-06-23T09:30:00', { reference: 'PG-7' }),
          event('assign', '2025-06-23T11:00:00', { assigneeId: 'clerk-7' }),
          event('request_supplement', '2025-06-24T09:00:00', {
            reason: 'Ảnh mờ',
            missingDocuments: ['CCCD'],
          }),
          event('supplement', '2025-06-25T09:00:00'),
          event('approve', '2025-06-25T15:00:00'),
          event('sign', '2025-06-25T15:05:00'),
          event('return', '2025-06-26T10:00:00'),
        ],
        { applicant: mine },
      ),
      recordLine('QN-STP-250623-0002', returnedStory('2025-06-23').slice(0, 4), { applicant: mine }),
      {
        ...recordLine('QN-HL-250624-0001', returnedStory('2025-06-24')),
        procedureCode: '1.001612',
        receivingAgencyCode: 'QN-HL',
        fee: { amount: 100_000 },
      },
    ]);
    expect(imported.body).toEqual({ imported: 3, skipped: 0, rejected: [] });
    const list = await request<{ items: { id: string; code: string }[] }>(
      `${stack.apiUrl}/api/applications?limit=100`,
      {
        headers: bearer(citizen),
      },
    );
    for (const item of list.body.items) ids.set(item.code, item.id);
  });

  afterAll(() => stack?.stop());

  const summary = (tokens: Tokens, query: Record<string, string | undefined> = WEEK) =>
    getReport<Record<string, unknown>>(stack.apiUrl, tokens, 'summary', query);

  it('lets only supervisors and administrators read reports', async () => {
    expect((await request(reportUrl(stack.apiUrl, 'summary', WEEK))).status).toBe(401);
    expect((await summary(citizen)).status).toBe(403);
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    expect((await summary(clerk)).status).toBe(403);
    const provincial = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    const all = await summary(admin);
    expect(all.body).toMatchObject({ received: 3, decided: 3, returned: 2 });
    expect((await summary(provincial)).body).toEqual(all.body);
  });

  it('shows a supervisor their agency and those below it, and no other', async () => {
    const own = await summary(localSupervisor);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ received: 1, returned: 1 });
    const asAdmin = await summary(admin, { ...WEEK, agency: 'QN-HL' });
    expect({ ...own.body, agency: 'QN-HL' }).toEqual(asAdmin.body);
    expect((await summary(localSupervisor, { ...WEEK, agency: 'QN-HL-BC' })).status).toBe(200);
    expect((await summary(localSupervisor, { ...WEEK, agency: 'QN-STP' })).status).toBe(404);
    expect((await summary(localSupervisor, { ...WEEK, agency: 'QN' })).status).toBe(404);
    expect((await summary(localSupervisor, { ...WEEK, procedure: '2.000488' })).status).toBe(404);
    expect((await summary(admin, { ...WEEK, agency: 'NOWHERE' })).status).toBe(404);
    const byAgency = await getReport<{ groups: { key: string }[] }>(
      stack.apiUrl,
      localSupervisor,
      'breakdown',
      {
        ...WEEK,
        groupBy: 'agency',
      },
    );
    expect(byAgency.body.groups.map((group) => group.key)).toEqual(['QN-HL']);
  });

  it('answers 400 for a bad period or grouping', async () => {
    expect((await summary(admin, { from: '2025-06-30', to: '2025-06-01' })).status).toBe(400);
    expect((await summary(admin, { from: '2025-02-30', to: '2025-03-01' })).status).toBe(400);
    expect((await summary(admin, { to: '2025-03-01' })).status).toBe(400);
    const grouping = await getReport(stack.apiUrl, admin, 'breakdown', { ...WEEK, groupBy: 'colour' });
    expect(grouping.status).toBe(400);
  });

  it('lets a citizen rate their returned application once, and counts it on the day of the return', async () => {
    const url = (code: string) => `${stack.apiUrl}/api/applications/${ids.get(code)}/rating`;
    const rate = (tokens: Tokens, code: string, body: Record<string, unknown>) =>
      request<Record<string, unknown>>(url(code), { method: 'POST', headers: bearer(tokens), body });
    expect((await rate(citizen, 'QN-STP-250623-0001', { score: 6 })).status).toBe(400);
    expect((await rate(citizen, 'QN-STP-250623-0001', {})).status).toBe(400);
    const first = await rate(citizen, 'QN-STP-250623-0001', { score: 5, comment: 'Nhanh, chu đáo' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ score: 5, comment: 'Nhanh, chu đáo' });
    expect((await rate(citizen, 'QN-STP-250623-0001', { score: 1 })).status).toBe(409);
    expect((await rate(citizen, 'QN-STP-250623-0002', { score: 3 })).status).toBe(409);
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: newCitizen(),
    });
    expect((await rate(registered.body, 'QN-STP-250623-0001', { score: 2 })).status).toBe(404);
    expect((await rate(admin, 'QN-STP-250623-0001', { score: 2 })).status).toBe(403);
    const thursday = await summary(admin, { from: '2025-06-26', to: '2025-06-26' });
    expect(thursday.body).toMatchObject({
      returned: 1,
      satisfaction: { count: 1, mean: 5, satisfiedShare: 1 },
    });
  });

  it('gives the median working hours spent in each state, per procedure', async () => {
    const report = await getReport<{
      procedures: { procedure: string; states: Record<string, { count: number; medianHours: number }> }[];
    }>(stack.apiUrl, admin, 'time-in-state', { ...WEEK, procedure: '2.000488' });
    expect(report.status).toBe(200);
    const [record] = report.body.procedures;
    expect(record!.procedure).toBe('2.000488');
    // Received Mon 09:00–11:00; in progress Mon 11:00–Tue 09:00 and Wed 09:00–15:00; waiting Tue 09:00–Wed 09:00;
    // decided Wed 15:00 to the return on Thu 10:00. The other file decided that week was received for 5 h:
    // the nearest-rank median of 2 h and 5 h is 2 h.
    const expected = {
      received: [2, 2],
      in_progress: [1, 11],
      supplement_requested: [1, 8],
      decided: [1, 4],
    };
    for (const [state, [count, hours]] of Object.entries(expected)) {
      expect(record!.states[state]!.count, state).toBe(count);
      // Medians come from histograms of 0.05 working days (0.4 h): within half of that, 0.2 h.
      expect(Math.abs(record!.states[state]!.medianHours - hours!), state).toBeLessThanOrEqual(0.2 + 1e-9);
    }
  });

  it('exports the summary and a breakdown as CSV and XLSX with headers in the language asked for', async () => {
    const csv = await fetch(
      reportUrl(stack.apiUrl, 'summary/export', { ...WEEK, format: 'csv', lang: 'en' }),
      {
        headers: bearer(admin),
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, row] = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['From', 'To', 'Received', 'Submitted online']);
    expect(row!.split(',').slice(0, 3)).toEqual(['2025-06-23', '2025-06-27', '3']);
    const vietnamese = await fetch(
      reportUrl(stack.apiUrl, 'breakdown/export', { ...WEEK, groupBy: 'agency', format: 'csv', lang: 'vi' }),
      { headers: bearer(admin) },
    );
    const lines = (await vietnamese.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['Cơ quan', 'Tên', 'Tiếp nhận']);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['QN-HL', 'QN-STP']);
    const xlsx = await fetch(
      reportUrl(stack.apiUrl, 'breakdown/export', {
        ...WEEK,
        groupBy: 'channel',
        format: 'xlsx',
        lang: 'en',
      }),
      { headers: bearer(admin) },
    );
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['Channel', 'Name', 'Received', 'On-time rate']),
    );
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(3).value]).toEqual(['online', 3]);
  });
});
