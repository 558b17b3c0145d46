import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Application, IssuedResult, NO_STORED_COPY } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { event, recordLine } from './support/reports/crafted-lines';
import { importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const uploaded = { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', origin: 'uploaded' };

/** Submitted with an uploaded document and decided on Monday 2 June 2025; `decision` adds to the approval. */
const decided = (code: string, decision: object = {}, returned: object = {}) =>
  recordLine(code, [
    event('submit', '2025-06-02T08:30:00', { documents: [uploaded] } as object),
    event('receive', '2025-06-02T09:00:00'),
    event('pay', '2025-06-02T09:10:00', { reference: `PG-${code.slice(-4)}` }),
    event('approve', '2025-06-02T15:00:00', decision),
    event('sign', '2025-06-02T15:05:00'),
    event('return', '2025-06-02T16:00:00', returned),
  ]);

/**
 * An imported decision or return may say its result was issued electronically: the file then has the
 * result record the live issuance writes, without a stored copy, and counts as digitised (4b) like a
 * live one (docs/metrics.md, "Historical import" and "Digitisation").
 */
describe(`import of electronic results (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  });

  afterAll(() => stack?.stop());

  it('records the result of a line that says so, refuses bad ones naming the field, and counts it as digitised', async () => {
    const imported = await importLines(stack.apiUrl, admin, [
      decided('QN-STP-250602-0201', { result: { electronic: true } }),
      decided(
        'QN-STP-250602-0202',
        {},
        { result: { electronic: true, signer: 'Sở Tư pháp tỉnh Quảng Ninh' } },
      ),
      decided('QN-STP-250602-0203'),
      decided('QN-STP-250602-0204', { result: { electronic: false } }),
      decided('QN-STP-250602-0205', { result: { electronic: 'yes' } }),
      decided('QN-STP-250602-0206', { result: { electronic: true } }, { result: { electronic: true } }),
      recordLine('QN-STP-250602-0207', [
        event('submit', '2025-06-02T08:30:00', { result: { electronic: true } } as object),
      ]),
    ] as unknown as Parameters<typeof importLines>[2]);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.rejected).toEqual([
      { line: 5, error: 'events[3].result.electronic must be true or false' },
      { line: 6, error: 'events[5].result: the file already has an electronic result' },
      { line: 7, error: 'events[0].result is not taken by submit' },
    ]);
    expect(imported.body.imported).toBe(4);

    const files = stack.apiDataSource.getRepository(Application);
    const results = stack.apiDataSource.getRepository(IssuedResult);
    const first = await files.findOneByOrFail({ code: 'QN-STP-250602-0201' });
    expect(await results.findOneByOrFail({ applicationId: first.id })).toMatchObject({
      code: 'QN-STP-250602-0201',
      kind: 'result',
      storageKey: NO_STORED_COPY,
      signedAt: new Date('2025-06-02T08:00:00Z'),
    });
    const second = await files.findOneByOrFail({ code: 'QN-STP-250602-0202' });
    expect(await results.findOneByOrFail({ applicationId: second.id })).toMatchObject({
      signer: 'Sở Tư pháp tỉnh Quảng Ninh',
      signedAt: new Date('2025-06-02T09:00:00Z'),
    });
    expect(await results.count()).toBe(2);

    // Four decided files with an uploaded document: the two with an electronic result are digitised.
    const figures = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/digitisation?from=2025-06-02&to=2025-06-02`,
      { headers: bearer(admin) },
    );
    expect(figures.body).toMatchObject({ files: 4, digitised: 2, digitisedRate: 0.5 });

    // The result is metadata only: there is no file to download.
    const download = await fetch(`${stack.apiUrl}/api/applications/${first.id}/result`, {
      headers: bearer(admin),
    });
    expect(download.status).toBe(404);
  });
});
