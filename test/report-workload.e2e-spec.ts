import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { event, recordLine } from './support/reports/crafted-lines';
import { getReport, importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { localTime, workingHoursBetweenByHand } from './support/working-time-by-hand';

/** The step fields of an event entering step 1 of the record-extract procedure (2.000488, QN-STP). */
const entering = (agencyCode: string, role: string, due: string) => ({
  step: 1,
  stepName: 'Tiếp nhận và thẩm định',
  stepAgencyCode: agencyCode,
  stepRole: role,
  stepDueAt: `${due}+07:00`,
});

interface Line {
  open: number;
  overdue: number;
}
interface Workload {
  clerks: (Line & { assigneeId: string | null; name: string | null })[];
  steps: (Line & { procedure: string | null; position: number | null })[];
  units: (Line & { agency: string })[];
}

/** The open files now, per clerk, step and holding agency, counted live from the files. */
describe(`reports: workload (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let clerkId: string;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const imported = await importLines(stack.apiUrl, admin, [
      // Open at the desk, due in 2025: overdue now.
      recordLine('QN-STP-250623-0001', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:00:00', entering('QN-STP', 'clerk', '2025-06-23T14:00:00')),
      ]),
      // Open, waiting for the citizen's supplement: not overdue.
      recordLine('QN-STP-250623-0002', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:00:00', entering('QN-STP', 'clerk', '2025-06-23T14:00:00')),
        event('request_supplement', '2025-06-23T10:00:00', { reason: 'Ảnh mờ', missingDocuments: ['CCCD'] }),
      ]),
      // Open, overdue.
      recordLine('QN-STP-250623-0003', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:30:00', entering('QN-STP', 'clerk', '2025-06-24T09:00:00')),
      ]),
      // Returned: not open.
      recordLine('QN-STP-250623-0004', [
        event('submit', '2025-06-23T08:00:00'),
        event('receive', '2025-06-23T09:00:00', entering('QN-STP', 'clerk', '2025-06-23T14:00:00')),
        event('pay', '2025-06-23T09:10:00', { reference: 'PG-4' }),
        event('approve', '2025-06-24T10:00:00'),
        event('sign', '2025-06-24T10:05:00'),
        event('return', '2025-06-24T11:00:00'),
      ]),
    ]);
    expect(imported.body).toMatchObject({ imported: 4, rejected: [] });
    const p = testDatabaseKind() === 'postgres' ? ['$1', '$2'] : ['?', '?'];
    const [clerk] = (await stack.apiDataSource.query(`SELECT id FROM users WHERE email = ${p[0]}`, [
      DEMO_ACCOUNTS.clerk,
    ])) as { id: string }[];
    clerkId = clerk.id;
    // The desk's clerk holds the first file.
    await stack.apiDataSource.query(`UPDATE applications SET assignee_id = ${p[0]} WHERE code = ${p[1]}`, [
      clerkId,
      'QN-STP-250623-0001',
    ]);
  });

  afterAll(() => stack?.stop());

  it('counts the open files per clerk, step and holding agency, overdue first', async () => {
    const report = await getReport<Workload>(stack.apiUrl, admin, 'workload', { agency: 'QN-STP' });
    expect(report.status).toBe(200);
    // By hand: open are 0001 (overdue, held by the clerk), 0002 (waiting) and 0003 (overdue), all at
    // the desk of the Department of Justice, step 1; 0004 is finished.
    expect(
      report.body.clerks.map(({ assigneeId, open, overdue }) => ({ assigneeId, open, overdue })),
    ).toEqual([
      { assigneeId: null, open: 2, overdue: 1 },
      { assigneeId: clerkId, open: 1, overdue: 1 },
    ]);
    expect(report.body.clerks[1].name).toBe('Lê Văn Một Cửa');
    // Another agency's open files are not counted: the Department of Construction has none.
    const construction = await getReport<Workload>(stack.apiUrl, admin, 'workload', { agency: 'QN-SXD' });
    expect(construction.body.units).toEqual([]);
    expect(
      report.body.steps.map(({ procedure, position, open, overdue }) => ({
        procedure,
        position,
        open,
        overdue,
      })),
    ).toEqual([{ procedure: '2.000488', position: 1, open: 3, overdue: 2 }]);
    expect(report.body.units.map(({ agency, open, overdue }) => ({ agency, open, overdue }))).toEqual([
      { agency: 'QN-STP', open: 3, overdue: 2 },
    ]);
  });

  it('lists the open files longest without an event, oldest first, with working days since', async () => {
    const report = await getReport<{
      at: string;
      files: { code: string; lastEvent: string; lastEventAt: string; workingDays: number }[];
    }>(stack.apiUrl, admin, 'stalled', { agency: 'QN-STP' });
    expect(report.status).toBe(200);
    // By hand: 0001 last moved at 09:00 (received), 0003 at 09:30 (received), 0002 at 10:00 (supplement
    // asked); 0004 is finished.
    expect(
      report.body.files.map(({ code, lastEvent, lastEventAt }) => ({ code, lastEvent, lastEventAt })),
    ).toEqual([
      {
        code: 'QN-STP-250623-0001',
        lastEvent: 'receive',
        lastEventAt: localTime('2025-06-23T09:00:00').toISOString(),
      },
      {
        code: 'QN-STP-250623-0003',
        lastEvent: 'receive',
        lastEventAt: localTime('2025-06-23T09:30:00').toISOString(),
      },
      {
        code: 'QN-STP-250623-0002',
        lastEvent: 'request_supplement',
        lastEventAt: localTime('2025-06-23T10:00:00').toISOString(),
      },
    ]);
    // Weekdays' office hours by hand, without holidays: the calendar's count is at most that, and the
    // public holidays of a year and a half take fewer than 30 working days off it.
    const [first] = report.body.files;
    const weekdays =
      workingHoursBetweenByHand(localTime('2025-06-23T09:00:00'), new Date(report.body.at)) / 8;
    expect(first.workingDays).toBeLessThanOrEqual(Math.round(weekdays * 10) / 10);
    expect(first.workingDays).toBeGreaterThan(weekdays - 30);
  });

  it('answers supervisors only, and names an agency outside the reader’s reach as not found', async () => {
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    expect((await getReport(stack.apiUrl, clerk, 'workload', {})).status).toBe(403);
    expect((await getReport(stack.apiUrl, clerk, 'stalled', {})).status).toBe(403);
    expect((await getReport(stack.apiUrl, admin, 'stalled', { agency: 'NO-SUCH' })).status).toBe(404);
    expect((await getReport(stack.apiUrl, admin, 'workload', { agency: 'NO-SUCH' })).status).toBe(404);
    expect((await getReport(stack.apiUrl, admin, 'workload', { bogus: 'x' })).status).toBe(400);
  });
});
