import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rebuildReports, WorkingCalendarService } from '@onegate/applications';
import { Agency, AgencyRepository } from '@onegate/persistence';
import { ReportRebuildService } from '@onegate/reporting';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient } from './support/applications';
import { request } from './support/http';
import { event, recordLine } from './support/reports/crafted-lines';
import { getReport, importLines, reportUrl } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { addWorkingHoursByHand, localTime, workingHoursBetweenByHand } from './support/working-time-by-hand';

const WEEK = { from: '2025-06-23', to: '2025-06-27' };
const TRANSFER_HOURS = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:30' },
];

/** The step fields of an event entering a step of the record-extract procedure (2.000488, QN-STP). */
const entering = (agencyCode: string, role: string, due: string) => ({
  step: 1,
  stepName: 'Tiếp nhận và thẩm định',
  stepAgencyCode: agencyCode,
  stepRole: role,
  stepDueAt: `${due}+07:00`,
});

interface StepFigures {
  stretches: number;
  hours: number;
  meanHours: number | null;
  late: number;
  meanLatenessHours: number | null;
}

/**
 * Step figures from imported histories: each step counted on its holding agency's calendar, a transfer
 * shown apart as time at another agency, the competent agency accountable for all of it.
 */
describe(`reports: processing steps (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    // The Department of Construction keeps other office hours: the transfer counts on them.
    await stack.apiDataSource.query(
      `UPDATE agencies SET office_hours = ${testDatabaseKind() === 'postgres' ? '$1' : '?'} WHERE code = 'QN-SXD'`,
      [JSON.stringify(TRANSFER_HOURS)],
    );
    const imported = await importLines(stack.apiUrl, admin, [
      // 23 June 2025 is a Monday. Step 1 at the competent agency's desk, due Monday 14:00.
      recordLine('QN-STP-250623-0001', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:00:00', entering('QN-STP', 'clerk', '2025-06-23T14:00:00')),
        event('pay', '2025-06-23T09:10:00', { reference: 'PG-1' }),
        event('approve', '2025-06-24T10:00:00'),
        event('sign', '2025-06-24T10:05:00'),
        event('return', '2025-06-24T11:00:00'),
      ]),
      // Step 1 held by the Department of Construction (a transfer), with a supplement wait.
      recordLine('QN-STP-250623-0002', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:00:00', entering('QN-SXD', 'supervisor', '2025-06-24T09:00:00')),
        event('pay', '2025-06-23T09:10:00', { reference: 'PG-2' }),
        event('request_supplement', '2025-06-23T14:00:00', { reason: 'Ảnh mờ', missingDocuments: ['CCCD'] }),
        // Waited Mon 14:00-17:30 and Tue 07:30-09:00 on its office hours: 5 hours, so due Tue 16:00.
        event('supplement', '2025-06-24T09:00:00', { stepDueAt: '2025-06-24T16:00:00+07:00' }),
        event('approve', '2025-06-24T16:00:00'),
        event('sign', '2025-06-24T16:05:00'),
        event('return', '2025-06-24T16:30:00'),
      ]),
      // Registered at the desk on Wednesday and withdrawn an hour later.
      recordLine('QN-STP-250625-0001', [
        event('register_counter', '2025-06-25T10:00:00', {
          channel: 'offline',
          ...entering('QN-STP', 'clerk', '2025-06-25T12:00:00'),
        }),
        event('withdraw', '2025-06-25T11:00:00', { channel: 'offline' }),
      ]),
      // Still in its step: it counts nowhere yet.
      recordLine('QN-STP-250626-0001', [
        event('submit', '2025-06-26T08:00:00'),
        event('receive', '2025-06-26T09:00:00', entering('QN-STP', 'clerk', '2025-06-26T10:00:00')),
      ]),
      recordLine('QN-STP-250626-0002', [
        event('submit', '2025-06-26T08:00:00'),
        event('receive', '2025-06-26T09:00:00', {
          ...entering('QN-STP', 'clerk', '2025-06-26T10:00:00'),
          stepRole: 'citizen',
        }),
      ]),
      recordLine('QN-STP-250626-0003', [
        event('submit', '2025-06-26T08:00:00'),
        event('receive', '2025-06-26T09:00:00', entering('QN-NOWHERE', 'clerk', '2025-06-26T10:00:00')),
      ]),
      recordLine('QN-STP-250626-0004', [event('submit', '2025-06-26T08:00:00', { stepRole: 'clerk' })]),
    ]);
    expect(imported.body).toEqual({
      imported: 4,
      skipped: 0,
      rejected: [
        { line: 5, error: 'events[1].stepRole must be one of clerk, supervisor' },
        { line: 6, error: 'events[1].stepAgencyCode is not the code of an agency' },
        { line: 7, error: 'events[0].stepRole is not taken by submit' },
      ],
    });
  });

  afterAll(() => stack?.stop());

  // By hand, on each holding agency's office hours:
  // - 0001, competent (08:00-12:00, 13:00-17:00): Mon 09:00-12:00 (3) and 13:00-17:00 (4), Tue
  //   08:00-11:00 (3) = 10 hours; due Mon 14:00, so late by Mon 14:00-17:00 and Tue 08:00-11:00 = 6.
  // - 0002, transfer (07:30-11:30, 13:30-17:30): worked Mon 09:00-11:30 (2.5) and 13:30-14:00 (0.5),
  //   then Tue 09:00-11:30 (2.5) and 13:30-16:30 (3) = 8.5 hours. Waited Mon 14:00-17:30 (3.5) and Tue
  //   07:30-09:00 (1.5) = 5 hours, so the due time moves from Tue 09:00 to Tue 16:00: late by 0.5.
  // - 0003, competent: Wed 10:00-11:00 = 1 hour, on time.
  const competent = { stretches: 2, hours: 11, late: 1, latenessHours: 6 };
  const transfer = { stretches: 1, hours: 8.5, late: 1, latenessHours: 0.5 };
  const figures = (sums: { stretches: number; hours: number; late: number; latenessHours: number }) => ({
    stretches: sums.stretches,
    hours: sums.hours,
    meanHours: sums.hours / sums.stretches,
    late: sums.late,
    meanLatenessHours: sums.late === 0 ? null : sums.latenessHours / sums.late,
  });

  it('gives the figures per step, per holding unit (worst first) and the time at other agencies', async () => {
    const report = await getReport<{
      steps: (StepFigures & { procedure: string; position: number; name: string })[];
      units: (StepFigures & { agency: string; agencyName: unknown; role: string })[];
      agencies: { agency: string; hours: number; atOtherAgenciesHours: number; atOtherAgencies: unknown[] }[];
    }>(stack.apiUrl, admin, 'steps', WEEK);
    expect(report.status).toBe(200);
    expect(report.body.steps).toEqual([
      {
        procedure: '2.000488',
        procedureName: expect.objectContaining({ vi: expect.any(String) }),
        position: 1,
        name: 'Tiếp nhận và thẩm định',
        ...figures({
          stretches: competent.stretches + transfer.stretches,
          hours: competent.hours + transfer.hours,
          late: competent.late + transfer.late,
          latenessHours: competent.latenessHours + transfer.latenessHours,
        }),
      },
    ]);
    // Both units were late once; the transfer's mean time is the longer, so it comes first.
    expect(report.body.units.map(({ agencyName: _name, ...unit }) => unit)).toEqual([
      { agency: 'QN-SXD', role: 'supervisor', ...figures(transfer) },
      { agency: 'QN-STP', role: 'clerk', ...figures(competent) },
    ]);
    expect(report.body.agencies).toEqual([
      {
        agency: 'QN-STP',
        name: expect.objectContaining({ vi: 'Sở Tư pháp tỉnh Quảng Ninh' }),
        hours: competent.hours + transfer.hours,
        atOtherAgenciesHours: transfer.hours,
        atOtherAgencies: [
          {
            agency: 'QN-SXD',
            name: expect.objectContaining({ vi: 'Sở Xây dựng tỉnh Quảng Ninh' }),
            hours: transfer.hours,
          },
        ],
      },
    ]);
  });

  it('counts a stretch on the date it ended, and keeps the competent agency accountable', async () => {
    const wednesday = await getReport<{ steps: StepFigures[] }>(stack.apiUrl, admin, 'steps', {
      from: '2025-06-25',
      to: '2025-06-25',
    });
    expect(wednesday.body.steps.map(({ stretches, hours, late }) => ({ stretches, hours, late }))).toEqual([
      { stretches: 1, hours: 1, late: 0 },
    ]);
    const construction = await getReport<{ steps: unknown[]; agencies: unknown[] }>(
      stack.apiUrl,
      admin,
      'steps',
      {
        ...WEEK,
        agency: 'QN-SXD',
      },
    );
    expect(construction.body).toMatchObject({ steps: [], agencies: [] });
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    expect((await getReport(stack.apiUrl, clerk, 'steps', WEEK)).status).toBe(403);
    expect(
      (await getReport(stack.apiUrl, admin, 'steps', { from: '2025-06-30', to: '2025-06-01' })).status,
    ).toBe(400);
  });

  it('shows the steps in the time-in-state report', async () => {
    const report = await getReport<{ procedures: { procedure: string; steps: StepFigures[] }[] }>(
      stack.apiUrl,
      admin,
      'time-in-state',
      WEEK,
    );
    const record = report.body.procedures.find((procedure) => procedure.procedure === '2.000488')!;
    expect(record.steps).toEqual([
      expect.objectContaining({ position: 1, stretches: 3, hours: 19.5, late: 2 }),
    ]);
  });

  it('gives the step figures per group of the breakdowns, and none by channel', async () => {
    const steps = {
      stretches: competent.stretches + transfer.stretches,
      hours: competent.hours + transfer.hours,
      late: competent.late + transfer.late,
      latenessHours: competent.latenessHours + transfer.latenessHours,
      atOtherAgenciesHours: transfer.hours,
    };
    type Groups = { groups: { key: string; steps: unknown }[] };
    const keyed = async (groupBy: string) => {
      const answer = await getReport<Groups>(stack.apiUrl, admin, 'breakdown', { ...WEEK, groupBy });
      expect(answer.status).toBe(200);
      return Object.fromEntries(answer.body.groups.map((group) => [group.key, group.steps]));
    };
    expect((await keyed('agency'))['QN-STP']).toEqual(steps);
    expect((await keyed('procedure'))['2.000488']).toEqual(steps);
    expect((await keyed('month'))['2025-06']).toEqual(steps);
    expect(await keyed('channel')).toEqual({ online: null, offline: null });
    // Wednesday alone: the one stretch of the file withdrawn that day.
    const wednesday = await getReport<Groups>(stack.apiUrl, admin, 'breakdown', {
      from: '2025-06-25',
      to: '2025-06-25',
      groupBy: 'agency',
    });
    expect(wednesday.body.groups.find((group) => group.key === 'QN-STP')?.steps).toEqual({
      stretches: 1,
      hours: 1,
      late: 0,
      latenessHours: 0,
      atOtherAgenciesHours: 0,
    });

    const csv = async (groupBy: string) => {
      const response = await fetch(
        reportUrl(stack.apiUrl, 'breakdown/export', { ...WEEK, groupBy, format: 'csv', lang: 'en' }),
        { headers: bearer(admin) },
      );
      expect(response.status).toBe(200);
      return (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
    };
    const byAgency = await csv('agency');
    expect(byAgency[0]!.slice(-5)).toEqual([
      'Step stretches',
      'Step working hours',
      'Late step stretches',
      'Step hours late',
      'Step hours at other agencies',
    ]);
    expect(byAgency.find((cells) => cells[0] === 'QN-STP')!.slice(-5)).toEqual([
      '3',
      '19.5',
      '2',
      '6.5',
      '8.5',
    ]);
    for (const cells of (await csv('channel')).slice(1))
      expect(cells.slice(-5)).toEqual(['', '', '', '', '']);
  });

  it('exports the step figures as CSV and XLSX', async () => {
    const csv = await fetch(
      reportUrl(stack.apiUrl, 'steps/export', { ...WEEK, by: 'unit', format: 'csv', lang: 'en' }),
      {
        headers: bearer(admin),
      },
    );
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Agency,Name,Role,Stretches,Working hours,Mean hours,Late,Mean hours late');
    expect(lines[1]).toBe('QN-SXD,Quang Ninh Department of Construction,Supervisor,1,8.5,8.5,1,0.5');
    expect(lines[2]).toBe('QN-STP,Quang Ninh Department of Justice,Clerk,2,11,5.5,1,6');
    const xlsx = await fetch(
      reportUrl(stack.apiUrl, 'steps/export', { ...WEEK, format: 'xlsx', lang: 'vi' }),
      {
        headers: bearer(admin),
      },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Theo bước xử lý');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '2.000488',
      1,
      'Tiếp nhận và thẩm định',
      3,
      19.5,
      6.5,
      2,
      3.25,
    ]);
    const bad = await fetch(
      reportUrl(stack.apiUrl, 'steps/export', { ...WEEK, by: 'colour', format: 'csv' }),
      {
        headers: bearer(admin),
      },
    );
    expect(bad.status).toBe(400);
  });

  const stepRows = async () =>
    ((await stack.apiDataSource.query('SELECT * FROM report_step_rollups')) as Record<string, unknown>[])
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .map(([key, value]) => [key, String(value)])
            .sort(),
        ),
      )
      .sort();
  const rebuild = () =>
    rebuildReports(
      stack.api.get(ReportRebuildService, { strict: false }),
      stack.api.get(AgencyRepository, { strict: false }),
      stack.api.get(WorkingCalendarService, { strict: false }),
    );

  it('rebuilds the step rollups from the events to the same rows', async () => {
    const kept = await stepRows();
    // Tuesday's two units and Wednesday's one, June's and 2025's two units each.
    expect(kept.length).toBe(7);
    await rebuild();
    expect(await stepRows()).toEqual(kept);
  });

  it('counts the steps of a file walked through them: a step sent back to counts twice, a transfer apart', async () => {
    const code = '1.004499';
    const password = stack.config.demoPassword!;
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const taxClerk = await signIn(stack.apiUrl, 'thue@demo.onegate.vn', password);
    const taxOffice = await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-THUE-HL' });
    const steps = [
      { nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', holderRole: 'clerk', budgetHours: 4 },
      { nameVi: 'Thẩm định hồ sơ', nameEn: 'Examination', holderRole: 'clerk', budgetHours: 8 },
      {
        nameVi: 'Xác định nghĩa vụ tài chính',
        nameEn: 'Tax assessment',
        holderRole: 'clerk',
        holderAgencyId: taxOffice.id,
        budgetHours: 8,
      },
      { nameVi: 'Ký kết quả', nameEn: 'Signature', holderRole: 'supervisor', budgetHours: 4 },
    ];
    const created = await request(`${stack.apiUrl}/api/admin/procedures`, {
      method: 'POST',
      headers: bearer(admin),
      body: {
        code,
        nameVi: 'Thủ tục thử nghiệm các bước',
        nameEn: 'Test procedure with steps',
        field: 'Đất đai',
        agencyCode: 'QN-HL',
        processingHours: 24,
        onlineLevel: 'partial',
        feeVnd: 0,
        supplementPolicy: 'pause',
        requiredDocuments: [],
        formSchema: [],
        steps,
      },
    });
    expect(created.status).toBe(201);

    // 16 November 2026 is a Monday; each action at its local time.
    const times = {
      registered: '2026-11-16T09:00:00',
      examined: '2026-11-16T10:00:00',
      sentBack: '2026-11-16T15:00:00',
      examinedAgain: '2026-11-17T11:00:00',
      transferred: '2026-11-17T14:00:00',
      answered: '2026-11-19T09:00:00',
      returned: '2026-11-19T11:00:00',
    };
    const apps = new ApplicationsClient(stack.apiUrl);
    stack.freezeClock(localTime(times.registered));
    const registered = await request<{ id: string }>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: code,
        applicant: { nationalId: '022090007799', fullName: 'Lê Văn Bước' },
        formData: {},
      },
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id;
    const act = async (tokens: Tokens, at: string, action: string, fields: Record<string, unknown> = {}) => {
      stack.freezeClock(localTime(at));
      expect((await apps.act(tokens, id, action, fields)).status, action).toBe(200);
    };
    try {
      await act(clerk, times.examined, 'forward');
      await act(clerk, times.sentBack, 'send_back', { step: 1, reason: 'Thiếu bản vẽ' });
      await act(clerk, times.examinedAgain, 'forward');
      await act(clerk, times.transferred, 'forward');
      await act(taxClerk, times.answered, 'forward', { opinion: 'Không phát sinh thuế' });
      await act(clerk, '2026-11-19T10:00:00', 'approve');
      await act(clerk, '2026-11-19T10:30:00', 'sign', { channel: 'offline' });
      await act(clerk, times.returned, 'return', { channel: 'offline' });
    } finally {
      stack.freezeClock(null);
    }

    // Each stretch by hand: from the action entering the step to the one ending it, due its budget later.
    const stretch = (from: string, to: string, budget: number) => {
      const [start, end] = [localTime(from), localTime(to)];
      const due = addWorkingHoursByHand(start, budget);
      const late = end > due;
      return {
        hours: workingHoursBetweenByHand(start, end),
        late,
        lateness: late ? workingHoursBetweenByHand(due, end) : 0,
      };
    };
    const reception = [
      stretch(times.registered, times.examined, 4),
      stretch(times.sentBack, times.examinedAgain, 4),
    ];
    const examination = [
      stretch(times.examined, times.sentBack, 8),
      stretch(times.examinedAgain, times.transferred, 8),
    ];
    const tax = [stretch(times.transferred, times.answered, 8)];
    const signature = [stretch(times.answered, times.returned, 4)];
    const sum = (list: ReturnType<typeof stretch>[]) => {
      const hours = list.reduce((total, item) => total + item.hours, 0);
      const late = list.filter((item) => item.late);
      const lateness = late.reduce((total, item) => total + item.lateness, 0);
      return {
        stretches: list.length,
        hours,
        meanHours: hours / list.length,
        late: late.length,
        meanLatenessHours: late.length === 0 ? null : lateness / late.length,
      };
    };
    // The step sent back to was late the second time, and the tax office took longer than its budget.
    expect(reception.map((item) => item.late)).toEqual([false, true]);
    expect(tax[0]!.late).toBe(true);

    const report = await getReport<{
      steps: (StepFigures & { position: number; name: string })[];
      units: (StepFigures & { agency: string; role: string })[];
      agencies: { agency: string; hours: number; atOtherAgenciesHours: number }[];
    }>(stack.apiUrl, admin, 'steps', { from: '2026-11-16', to: '2026-11-20', procedure: code });
    const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
    const rounded = (figures: ReturnType<typeof sum>) => ({
      ...figures,
      hours: round(figures.hours),
      meanHours: round(figures.meanHours),
      meanLatenessHours: round(figures.meanLatenessHours),
    });
    const byPosition = Object.fromEntries(
      report.body.steps.map(({ position, name, stretches, hours, meanHours, late, meanLatenessHours }) => [
        position,
        { name, stretches, hours, meanHours, late, meanLatenessHours },
      ]),
    );
    expect(byPosition).toEqual({
      1: { name: 'Tiếp nhận hồ sơ', ...rounded(sum(reception)) },
      2: { name: 'Thẩm định hồ sơ', ...rounded(sum(examination)) },
      3: { name: 'Xác định nghĩa vụ tài chính', ...rounded(sum(tax)) },
      4: { name: 'Ký kết quả', ...rounded(sum(signature)) },
    });
    const units = Object.fromEntries(
      report.body.units.map(({ agency, role, stretches, hours, late }) => [
        `${agency} ${role}`,
        { stretches, hours, late },
      ]),
    );
    const short = (list: ReturnType<typeof stretch>[]) => {
      const { stretches, hours, late } = rounded(sum(list));
      return { stretches, hours, late };
    };
    expect(units).toEqual({
      'QN-HL clerk': short([...reception, ...examination]),
      'QN-THUE-HL clerk': short(tax),
      'QN-HL supervisor': short(signature),
    });
    const all = sum([...reception, ...examination, ...tax, ...signature]);
    expect(report.body.agencies).toEqual([
      expect.objectContaining({
        agency: 'QN-HL',
        hours: round(all.hours),
        atOtherAgenciesHours: round(sum(tax).hours),
      }),
    ]);

    // What the live actions kept is what a rebuild computes from their events.
    const kept = await stepRows();
    await rebuild();
    expect(await stepRows()).toEqual(kept);
  });
});
