import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { watchEventLoopHolds } from './support/event-loop-holds';
import { request } from './support/http';
import { API_MAIN, assertBuilt, start } from './support/processes';
import { event, recordLine, returnedStory } from './support/reports/crafted-lines';
import { generateApplications } from './support/reports/random-applications';
import { getReport, importLines, readCatalogue } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
/**
 * The longest the process's own work may hold the event loop while 6,000 lines import. With the
 * import's turns it was held at most 100–160 ms here (its stretches of IMPORT_STRETCH_MS, a garbage
 * collection, a commit); when a batch of 5,000 lines was replayed, encoded and written in one piece,
 * 950 ms on PostgreSQL and 2,100 ms on SQLite. Time the machine gave the process no CPU is not counted
 * (test/support/event-loop-holds.ts): on a busy machine timers come late with nobody at fault.
 */
const LONGEST_WAIT_MS = 400;

describe(`historical import (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  });

  afterAll(() => stack?.stop());

  const summary = async (query: Record<string, string> = YEAR) =>
    (await getReport<Record<string, unknown>>(stack.apiUrl, admin, 'summary', query)).body;
  const breakdown = async (groupBy: string) =>
    (await getReport<Record<string, unknown>>(stack.apiUrl, admin, 'breakdown', { ...YEAR, groupBy })).body;

  it('imports the good lines and rejects a malformed and an out-of-order one by line number', async () => {
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-250602-0001', returnedStory()),
      '{"code": "QN-STP-250602-0002", "events": [',
      recordLine('QN-STP-250602-0003', [
        event('submit', '2025-06-02T08:30:00'),
        event('receive', '2025-06-02T09:00:00'),
        event('approve', '2025-06-01T15:00:00'),
      ]),
      '',
      recordLine('QN-STP-250602-0004', returnedStory()),
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      imported: 2,
      skipped: 0,
      rejected: [
        { line: 2, error: expect.stringMatching(/not valid JSON/) },
        { line: 3, error: expect.stringMatching(/events\[2\] \(approve\).*time order/) },
      ],
    });
    const figures = await summary({ from: '2025-06-02', to: '2025-06-02' });
    expect(figures).toMatchObject({ received: 2, decided: 2, returned: 2, fullyOnline: 2, backlog: 0 });
  });

  it('counts due times on the official calendar of past years, and warns about years without one', async () => {
    // Received Wednesday 7/2/2024 09:00 with 80 working hours: officially due Wednesday 28/2 09:00, since
    // 8/2 and 14/2/2024 were days off; on the statutory holidays alone it would be Monday 26/2 09:00.
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-240207-0001', [
        event('submit', '2024-02-07T08:30:00'),
        event('receive', '2024-02-07T09:00:00'),
        event('pay', '2024-02-07T09:10:00', { reference: 'PG-1' }),
        event('approve', '2024-02-27T15:00:00'),
        event('sign', '2024-02-27T15:05:00'),
        event('return', '2024-02-27T16:00:00'),
      ]),
    ]);
    expect(answer.body).toEqual({ imported: 1, skipped: 0, rejected: [] });
    expect(await summary({ from: '2024-02-01', to: '2024-02-29' })).toMatchObject({ decided: 1, onTime: 1 });

    const older = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-190603-0001', returnedStory('2019-06-03')),
      recordLine('QN-STP-181231-0001', [
        event('submit', '2018-12-28T08:30:00'),
        event('receive', '2018-12-28T09:00:00'),
        event('pay', '2018-12-28T09:10:00', { reference: 'PG-1' }),
        event('approve', '2019-01-03T15:00:00'),
      ]),
    ]);
    expect(older.body).toEqual({
      imported: 2,
      skipped: 0,
      rejected: [],
      warnings: [
        {
          kind: 'no_official_schedule',
          years: [2018, 2019],
          message: expect.stringMatching(/^No official schedule of days off is loaded for 2018, 2019:/),
        },
      ],
    });
  });

  it('changes no figure when the same lines come again: they are skipped', async () => {
    const lines = generateApplications({
      seed: 7,
      count: 300,
      from: '2025-01-01',
      to: '2025-11-30',
      catalogue: await readCatalogue(stack.apiUrl),
      codePrefix: 'R',
    });
    expect((await importLines(stack.apiUrl, admin, lines)).body).toEqual({
      imported: 300,
      skipped: 0,
      rejected: [],
    });
    const before = {
      summary: await summary(),
      byMonth: await breakdown('month'),
      byAgency: await breakdown('agency'),
    };
    expect((await importLines(stack.apiUrl, admin, lines)).body).toEqual({
      imported: 0,
      skipped: 300,
      rejected: [],
    });
    expect({
      summary: await summary(),
      byMonth: await breakdown('month'),
      byAgency: await breakdown('agency'),
    }).toEqual(before);
  });

  it('keeps nothing of a line with an impossible event, so the corrected line imports later', async () => {
    const code = 'QN-STP-250609-0001';
    const impossible = [...returnedStory('2025-06-09')];
    impossible.splice(4, 1); // return without a signature
    const first = await importLines(stack.apiUrl, admin, [recordLine(code, impossible)]);
    expect(first.body.rejected).toEqual([
      {
        line: 1,
        error: expect.stringMatching(
          /events\[4\] \(return\) is not possible while the application is decided/,
        ),
      },
    ]);
    expect(await summary({ from: '2025-06-09', to: '2025-06-09' })).toMatchObject({
      received: 0,
      decided: 0,
    });
    const corrected = await importLines(stack.apiUrl, admin, [recordLine(code, returnedStory('2025-06-09'))]);
    expect(corrected.body).toEqual({ imported: 1, skipped: 0, rejected: [] });
    expect(await summary({ from: '2025-06-09', to: '2025-06-09' })).toMatchObject({
      received: 1,
      returned: 1,
    });
  });

  it('refuses a counter file with a submit, a missing field, an unknown procedure and a rating of an open file', async () => {
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-250610-0001', [
        event('register_counter', '2025-06-10T09:00:00', { channel: 'offline' }),
        event('submit', '2025-06-10T09:05:00'),
      ]),
      recordLine('QN-STP-250610-0002', [
        event('submit', '2025-06-10T08:00:00'),
        event('receive', '2025-06-10T09:00:00'),
        event('deny', '2025-06-10T10:00:00'),
      ]),
      recordLine('QN-STP-250610-0003', returnedStory('2025-06-10'), { procedureCode: '9.999999' }),
      recordLine('QN-STP-250610-0004', returnedStory('2025-06-10').slice(0, 4), { rating: 5 }),
      recordLine('QN-STP-250610-0005', [event('register_counter', '2025-06-10T09:00:00')]),
    ]);
    expect(answer.body.imported).toBe(0);
    expect(answer.body.rejected).toEqual([
      {
        line: 1,
        error: expect.stringMatching(
          /events\[1\] \(submit\) is not possible while the application is received/,
        ),
      },
      { line: 2, error: expect.stringMatching(/events\[2\] \(deny\): reason is required/) },
      { line: 3, error: 'no procedure 9.999999' },
      { line: 4, error: expect.stringMatching(/rating is only possible once the result is returned/) },
      {
        line: 5,
        error: expect.stringMatching(/events\[0\] \(register_counter\): .* records register_counter offline/),
      },
    ]);
  });

  it('refuses an event carrying a field its action does not take, and takes an approval that gives its grounds', async () => {
    const withAssignee = returnedStory('2025-06-11').map((step) =>
      step.type === 'approve' ? { ...step, assigneeId: 'clerk-7' } : step,
    );
    const withGrounds = returnedStory('2025-06-11').map((step) =>
      step.type === 'approve' ? { ...step, reason: 'Theo quy định' } : step,
    );
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-250611-0001', withAssignee),
      recordLine('QN-STP-250611-0002', withGrounds),
    ]);
    expect(answer.body.imported).toBe(1);
    expect(answer.body.rejected).toEqual([
      { line: 1, error: expect.stringMatching(/\(approve\): assigneeId is not taken by approve$/) },
    ]);
  });

  it('links the applicant to a citizen account by national ID, and keeps the form data as given', async () => {
    const citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-250611-0001', returnedStory('2025-06-11'), {
        applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A' },
        formData: { anything: ['from', 2019], purpose: 42 },
      }),
    ]);
    expect(answer.body.imported).toBe(1);
    const mine = await request<{ items: { id: string; code: string }[] }>(
      `${stack.apiUrl}/api/applications?limit=100`,
      {
        headers: bearer(citizen),
      },
    );
    const imported = mine.body.items.find((item) => item.code === 'QN-STP-250611-0001')!;
    const detail = await request<Record<string, unknown>>(`${stack.apiUrl}/api/applications/${imported.id}`, {
      headers: bearer(citizen),
    });
    expect(detail.body).toMatchObject({
      state: 'returned',
      formData: { anything: ['from', 2019], purpose: 42 },
      applicant: { nationalId: '022090001234', email: 'citizen@demo.onegate.vn' },
    });
    const events = detail.body.events as { type: string; actorRole: string }[];
    expect(events.map((item) => item.type)).toEqual([
      'submit',
      'receive',
      'pay',
      'approve',
      'sign',
      'return',
    ]);
    expect(new Set(events.map((item) => item.actorRole))).toEqual(new Set(['import']));
  });

  it('gives a due time by the calendar and keeps receipt numbers of imported codes from being reused', async () => {
    // Friday 29/8/2025 16:00 + 80 working hours: 1 h that day; the weekend and 1-2/9 (National Day) are off.
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-250829-0042', [
        event('submit', '2025-08-29T15:00:00'),
        event('receive', '2025-08-29T16:00:00'),
      ]),
    ]);
    expect(answer.body.imported).toBe(1);
    const rows = (await stack.apiDataSource.query(
      "SELECT due_at FROM applications WHERE code = 'QN-STP-250829-0042'",
    )) as { due_at: string | number }[];
    expect(new Date(Number(rows[0]!.due_at)).toISOString()).toBe(
      new Date('2025-09-16T16:00:00+07:00').toISOString(),
    );
    const sequences = (await stack.apiDataSource.query(
      "SELECT last_number FROM receipt_sequences WHERE local_date = '2025-08-29'",
    )) as { last_number: number }[];
    expect(sequences.map((row) => Number(row.last_number))).toEqual([42]);
  });

  it('takes only NDJSON, and only from administrators', async () => {
    const json = await request(`${stack.apiUrl}/api/admin/imports`, {
      method: 'POST',
      headers: bearer(admin),
      body: {},
    });
    expect(json.status).toBe(415);
    const supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    expect((await importLines(stack.apiUrl, supervisor, [recordLine('X', returnedStory())])).status).toBe(
      403,
    );
  });

  it('does the same from the command line: npm run import -- FILE', async () => {
    assertBuilt();
    const directory = mkdtempSync(join(tmpdir(), 'onegate-import-'));
    const file = join(directory, 'records.ndjson');
    writeFileSync(
      file,
      [recordLine('QN-STP-250612-0001', returnedStory('2025-06-12')), recordLine('QN-STP-250612-0002', [])]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const day = { from: '2025-06-12', to: '2025-06-12' };
    const before = (await summary(day)) as { received: number; returned: number };
    const database = stack.config.database;
    const run = start(
      API_MAIN,
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: database.kind === 'sqlite' ? `sqlite:${database.url}` : database.url,
      },
      ['import', file],
    );
    const finished = await run.finished;
    rmSync(directory, { recursive: true, force: true });
    expect(finished.code, finished.stderr).toBe(0);
    expect(JSON.parse(finished.stdout)).toEqual({
      imported: 1,
      skipped: 0,
      rejected: [{ line: 2, error: 'events must be a non-empty list' }],
    });
    expect(await summary(day)).toMatchObject({
      received: before.received + 1,
      returned: before.returned + 1,
    });
  });

  it('gives the other requests on its process a turn between slices of its work', async () => {
    const lines = generateApplications({
      seed: 11,
      count: 6_000,
      from: '2024-01-01',
      to: '2025-11-30',
      catalogue: await readCatalogue(stack.apiUrl),
      codePrefix: 'T',
    }).map((line) => JSON.stringify(line));
    const watch = watchEventLoopHolds();
    const answer = await importLines(stack.apiUrl, admin, lines);
    const holds = watch.stop();
    expect(answer.body).toEqual({ imported: 6_000, skipped: 0, rejected: [] });
    expect(holds.longestOwnMs, `timers came up to ${Math.round(holds.longestLateMs)} ms late`).toBeLessThan(
      LONGEST_WAIT_MS,
    );
  });
});
