import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { rebuildReports, WorkingCalendarService } from '@onegate/applications';
import { AgencyRepository, runMigrationsExclusively } from '@onegate/persistence';
import { ReportRebuildService } from '@onegate/reporting';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { eventually, request } from './support/http';
import { generateApplications } from './support/reports/random-applications';
import { getReport, importLines, readCatalogue, wholeFileList } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';
import { localTime } from './support/working-time-by-hand';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { undoMigrationsUntil, withMigrationConnection } from './support/migrations';

const JUNE = { from: '2025-06-01', to: '2025-06-30' };
const YEARLY_ROLLUPS_MIGRATION = 'AddYearlyReportRollups1764200000000';

type Row = Record<string, unknown>;

/**
 * The rollups kept by imports and by live actions (in the transaction of each event) must be exactly
 * what a rebuild computes from the events afterwards.
 */
describe(`report rollups equal a rebuild from the events (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let clerk: Tokens;
  let citizen: Tokens;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    stack = await TestStack.start();
    const password = stack.config.demoPassword!;
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    apps = new ApplicationsClient(stack.apiUrl);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  const at = (local: string) => stack.freezeClock(localTime(local));
  const summary = async () => (await getReport<Row>(stack.apiUrl, admin, 'summary', JUNE)).body;

  /** The rollups, and the figures' file lists unless `files` is false (a schema from before them). */
  async function snapshot(
    files = true,
  ): Promise<{ rollups: string[]; histograms: string[]; fileEntries: string[] }> {
    const rollups = (await stack.apiDataSource.query('SELECT * FROM report_rollups')) as Row[];
    const histograms = (await stack.apiDataSource.query('SELECT * FROM report_histograms')) as Row[];
    // The figures' file lists (docs/metrics.md, "Drill-down") are kept by the same writes.
    const fileEntries = files
      ? ((await stack.apiDataSource.query('SELECT * FROM report_file_entries')) as Row[])
      : [];
    const describe = (row: Row) =>
      Object.keys(row)
        .sort()
        .map(
          (key) =>
            `${key}=${typeof row[key] === 'string' && /^-?\d+$/.test(row[key]) ? Number(row[key]) : String(row[key])}`,
        )
        .join(' ');
    const counters = (row: Row) =>
      Object.entries(row).filter(
        ([key]) => !['grain', 'period', 'agency_id', 'procedure_id', 'channel'].includes(key),
      );
    return {
      rollups: rollups
        .filter((row) => counters(row).some(([, value]) => Number(value) !== 0))
        .map(describe)
        .sort(),
      histograms: histograms
        .filter((row) => Number(row.count) !== 0)
        .map(describe)
        .sort(),
      fileEntries: fileEntries.map(describe).sort(),
    };
  }

  it('after an import and live actions of every kind', async () => {
    const lines = generateApplications({
      seed: 99,
      count: 500,
      from: '2025-04-01',
      to: '2025-08-31',
      catalogue: await readCatalogue(stack.apiUrl),
    });
    expect((await importLines(stack.apiUrl, admin, lines)).body.imported).toBe(500);
    const before = await summary();

    // Online, with a supplement, an apology letter, a digital signature and a rating.
    at('2025-06-02T08:30:00');
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-9');
    expect((await apps.act(citizen, draft.body.id, 'submit')).status).toBe(200);
    at('2025-06-02T09:00:00');
    expect((await apps.act(clerk, draft.body.id, 'receive')).status).toBe(200);
    at('2025-06-03T10:00:00');
    const asked = await apps.act(clerk, draft.body.id, 'request_supplement', {
      reason: 'Thiếu giấy tờ',
      missingDocuments: ['Hợp đồng thuê nhà'],
    });
    expect(asked.status).toBe(200);
    at('2025-06-05T11:00:00');
    expect((await apps.upload(citizen, draft.body.id, 'Hợp đồng thuê nhà', PDF_BYTES)).status).toBe(201);
    expect((await apps.act(citizen, draft.body.id, 'supplement')).status).toBe(200);
    at('2025-06-06T09:00:00');
    const extended = await apps.act(clerk, draft.body.id, 'extend', {
      reason: 'Cần xác minh',
      appointmentAt: localTime('2025-06-20T09:00:00').toISOString(),
    });
    expect(extended.status).toBe(200);
    at('2025-06-16T15:00:00');
    expect((await apps.act(clerk, draft.body.id, 'approve')).status).toBe(200);
    await eventually(async () => ((await apps.get(clerk, draft.body.id)).body.signed ? true : undefined));
    at('2025-06-17T09:00:00');
    expect((await apps.act(clerk, draft.body.id, 'return')).status).toBe(200);
    const rated = await request(`${stack.apiUrl}/api/applications/${draft.body.id}/rating`, {
      method: 'POST',
      headers: bearer(citizen),
      body: { score: 4 },
    });
    expect(rated.status).toBe(201);

    // On paper at the counter, then withdrawn by the citizen; and one left waiting.
    at('2025-06-18T09:00:00');
    const counter = async () =>
      request<{ id: string }>(`${stack.apiUrl}/api/applications/counter`, {
        method: 'POST',
        headers: bearer(clerk),
        body: {
          procedureCode: HOUSEHOLD,
          applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A' },
          formData: HOUSEHOLD_FORM,
        },
      });
    const paper = await counter();
    expect(paper.status).toBe(201);
    at('2025-06-19T10:00:00');
    expect((await apps.act(citizen, paper.body.id, 'withdraw')).status).toBe(200);
    expect((await counter()).status).toBe(201);

    const after = await summary();
    expect(after).toMatchObject({
      received: Number(before.received) + 3,
      decided: Number(before.decided) + 1,
      extended: Number(before.extended) + 1,
      returned: Number(before.returned) + 1,
      withdrawn: Number(before.withdrawn) + 1,
      backlog: Number(before.backlog) + 1,
      satisfaction: { count: (before.satisfaction as { count: number }).count + 1 },
    });

    const kept = await snapshot();
    // The service index's lists (docs/decision-766.md, "Drill-down") are kept by the same writes, the
    // digitised files' too as their documents change after reception.
    for (const figure of ['indexOnTime', 'indexOpenOnTime', 'paidOnline', 'signedOnline', 'digitised']) {
      expect(
        kept.fileEntries.some((row) => row.includes(`figure=${figure} `)),
        figure,
      ).toBe(true);
    }
    const index = await getReport<{ criteria: { id: string; numerator: number; denominator: number }[] }>(
      stack.apiUrl,
      admin,
      'service-index',
      JUNE,
    );
    for (const id of ['4b', '4c']) {
      const criterion = index.body.criteria.find((candidate) => candidate.id === id)!;
      const listed = await wholeFileList(stack.apiUrl, admin, { ...JUNE, figure: `index.${id}.numerator` });
      expect(listed.length, id).toBe(criterion.numerator);
    }
    const digitised = await wholeFileList(stack.apiUrl, admin, { ...JUNE, figure: 'index.4b.numerator' });
    expect(digitised.map((file) => file.id)).toContain(draft.body.id);
    const rebuilt = await rebuildReports(
      stack.api.get(ReportRebuildService, { strict: false }),
      stack.api.get(AgencyRepository, { strict: false }),
      stack.api.get(WorkingCalendarService, { strict: false }),
    );
    expect(rebuilt!.applications).toBe(503);
    const recomputed = await snapshot();
    expect(recomputed.rollups.length).toBeGreaterThan(100);
    expect(recomputed.fileEntries.length).toBeGreaterThan(1000);
    expect(recomputed).toEqual(kept);
    expect(await summary()).toEqual(after);
  });

  it('fills the yearly rows from the monthly ones when migrating, as the writes would have', async () => {
    const lines = generateApplications({
      seed: 7,
      count: 300,
      from: '2024-10-01',
      to: '2025-02-28',
      catalogue: await readCatalogue(stack.apiUrl),
      codePrefix: 'Y',
    });
    expect((await importLines(stack.apiUrl, admin, lines)).body.imported).toBe(300);
    const kept = await snapshot(false);
    const years = (rows: string[]) =>
      new Set(rows.filter(isYearly).map((row) => /period=(\d+)/.exec(row)![1]));
    expect(years(kept.rollups)).toEqual(new Set(['2024', '2025']));
    expect(years(kept.histograms)).toEqual(new Set(['2024', '2025']));

    await withMigrationConnection(stack.config, async (dataSource) => {
      await undoMigrationsUntil(dataSource, YEARLY_ROLLUPS_MIGRATION);
      const without = await snapshot(false);
      expect(without.rollups.filter(isYearly)).toEqual([]);
      expect(without.histograms.filter(isYearly)).toEqual([]);
      await runMigrationsExclusively(dataSource);
    });
    // Undoing down to the yearly rows also undid the service index's counters, which migrations add
    // as 0: the other columns must be as kept, and a rebuild (the upgrade step of
    // docs/decision-766.md) gives back the rest.
    const withoutIndexCounters = (state: { rollups: string[] }) =>
      state.rollups
        .map((row) =>
          row.replace(
            / ?(digitised|dissatisfied|fee_bearing|index_\w+|paid_online|reused|signed_online)=-?\d+/g,
            '',
          ),
        )
        .filter((row) => /(?:^| )(?!agency_id|channel|grain|period|procedure_id)\w+=-?[1-9]/.test(row))
        .sort();
    const remigrated = await snapshot(false);
    expect(withoutIndexCounters(remigrated)).toEqual(withoutIndexCounters(kept));
    expect(remigrated.histograms).toEqual(kept.histograms);
    await rebuildReports(
      stack.api.get(ReportRebuildService, { strict: false }),
      stack.api.get(AgencyRepository, { strict: false }),
      stack.api.get(WorkingCalendarService, { strict: false }),
    );
    expect(await snapshot(false)).toEqual(kept);
  });

  const isYearly = (row: string) => row.includes('grain=year');
});
