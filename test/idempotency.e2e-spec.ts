import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { IdempotencyRecord, IdempotencyRepository } from '@onegate/persistence';

import { IdempotencyJanitor } from '../apps/api/src/idempotency/idempotency-janitor';
import { idempotencyRecordId, sha256 } from '../apps/api/src/idempotency/idempotency-key';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { RECORD_FORM as FORM } from './support/demo-facts';
import { recordLine, returnedStory } from './support/reports/crafted-lines';

/** Short, so a lapsed lease and its renewal show within a test. */
const LEASE_MS = 1_000;

describe(`Idempotency-Key (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let citizen: Tokens;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, idempotencyLeaseMs: LEASE_MS }),
    });
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    apps = new ApplicationsClient(stack.apiUrl);
  });

  afterAll(() => stack?.stop());

  const post = (path: string, body: unknown, key: string, tokens = citizen) =>
    request<ApplicationBody>(`${stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { ...bearer(tokens), 'idempotency-key': key },
      body,
    });

  const countMine = async () =>
    (await request<{ total: number }>(`${stack.apiUrl}/api/applications`, { headers: bearer(citizen) })).body
      .total;

  it('creates one draft for a repeated request, and answers it the same way', async () => {
    const before = await countMine();
    const first = await post('/api/applications', { procedureCode: '2.000488', formData: FORM }, 'create-1');
    const again = await post('/api/applications', { procedureCode: '2.000488', formData: FORM }, 'create-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await countMine()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422)', async () => {
    await post('/api/applications', { procedureCode: '2.000488', formData: {} }, 'create-2');
    const other = await post('/api/applications', { procedureCode: '1.001612', formData: {} }, 'create-2');
    expect(other.status).toBe(422);
    expect(other.body.message).toMatch(/different request/);
  });

  it('submits once, replays the answer, and replays a refusal as a refusal', async () => {
    const draft = await apps.create(citizen, '2.000488', FORM);
    await apps.upload(citizen, draft.body.id, 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', PDF_BYTES);
    const path = `/api/applications/${draft.body.id}/actions`;
    const first = await post(path, { action: 'submit' }, 'submit-1');
    const again = await post(path, { action: 'submit' }, 'submit-1');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.version).toBe(first.body.version);
    const events = (await apps.get(citizen, draft.body.id)).body.events!;
    expect(events.filter((event) => event.type === 'submit')).toHaveLength(1);

    const refused = await post(path, { action: 'submit' }, 'submit-2');
    const refusedAgain = await post(path, { action: 'submit' }, 'submit-2');
    expect([refused.status, refusedAgain.status]).toEqual([409, 409]);
    expect(refusedAgain.body.details).toEqual(refused.body.details);
  });

  it('keeps keys apart between callers, and refuses malformed keys', async () => {
    const other = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    const clerkTry = await post(
      '/api/applications',
      { procedureCode: '2.000488', formData: FORM },
      'create-1',
      other,
    );
    expect(clerkTry.status).toBe(403);
    const malformed = await post('/api/applications', { procedureCode: '2.000488' }, 'bad key with spaces');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'Idempotency-Key', problems: [expect.any(String)] }]);
  });

  describe('after the process answering a key died (its claim left behind)', () => {
    const submitPath = (id: string) => `/api/applications/${id}/actions`;
    /** The claim a killed process leaves: no answer, and a lease it no longer renews. */
    const leftClaim = async (key: string, path: string, body: unknown, leaseLeftMs: number) => {
      const me = await request<{ id: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(citizen) });
      const id = idempotencyRecordId(key, { userId: me.body.id, method: 'POST', path });
      const at = new Date();
      const claimed = await stack.api
        .get(IdempotencyRepository)
        .claim(id, sha256(JSON.stringify(body)), at, new Date(at.getTime() + leaseLeftMs));
      expect(claimed).toBe(true);
    };
    const readyDraft = async () => {
      const draft = await apps.create(citizen, '2.000488', FORM);
      await apps.upload(citizen, draft.body.id, 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', PDF_BYTES);
      return draft.body.id;
    };
    const submits = async (id: string) =>
      (await apps.get(citizen, id)).body.events!.filter((event) => event.type === 'submit').length;

    it('answers 409 with Retry-After while the lease lasts, then lets one of several retries run it', async () => {
      const id = await readyDraft();
      await leftClaim('died-1', submitPath(id), { action: 'submit' }, 30_000);
      const early = await post(submitPath(id), { action: 'submit' }, 'died-1');
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/still being processed/);
      expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(25);
      expect(Number(early.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      expect(await submits(id)).toBe(0);

      await stack.apiDataSource
        .createQueryBuilder()
        .update(IdempotencyRecord)
        .set({ leaseExpiresAt: new Date(Date.now() - 1) })
        .where('status_code IS NULL')
        .execute();
      const retries = await Promise.all(
        Array.from({ length: 5 }, () => post(submitPath(id), { action: 'submit' }, 'died-1')),
      );
      const statuses = retries.map((retry) => retry.status);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      expect(await submits(id)).toBe(1);
      const after = await post(submitPath(id), { action: 'submit' }, 'died-1');
      expect([after.status, after.body.state]).toEqual([200, 'submitted']);
    });

    it('still refuses another body with the key of a dead request (422)', async () => {
      const id = await readyDraft();
      await leftClaim('died-2', submitPath(id), { action: 'submit' }, 0);
      const other = await post(submitPath(id), { action: 'withdraw' }, 'died-2');
      expect(other.status).toBe(422);
      expect(await submits(id)).toBe(0);
    });
  });

  describe('on imports, whose body streams', () => {
    let admin: Tokens;
    const ndjson = (codes: string[]) =>
      codes.map((code) => JSON.stringify(recordLine(code, returnedStory()))).join('\n');
    const postImport = async (body: string, key: string) => {
      const response = await fetch(`${stack.apiUrl}/api/admin/imports`, {
        method: 'POST',
        headers: { ...bearer(admin), 'content-type': 'application/x-ndjson', 'idempotency-key': key },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const storedCodes = async () =>
      Number(
        (
          await stack.apiDataSource.query<{ n: number | string }[]>(
            `SELECT COUNT(*) AS n FROM applications WHERE code LIKE 'QN-STP-250602-09%'`,
          )
        )[0]!.n,
      );

    beforeAll(async () => {
      admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    });

    it('answers a repeated import with the first answer, without importing again', async () => {
      const body = ndjson(['QN-STP-250602-0901', 'QN-STP-250602-0902']);
      const first = await postImport(body, 'import-1');
      const again = await postImport(body, 'import-1');
      expect(first).toEqual({ status: 200, body: { imported: 2, skipped: 0, rejected: [] } });
      // Without the key the repeat would have answered "skipped: 2".
      expect(again).toEqual(first);
      expect(await storedCodes()).toBe(2);
    });

    it('refuses the same key with another body (422), having imported nothing of it', async () => {
      await postImport(ndjson(['QN-STP-250602-0903']), 'import-2');
      const other = await postImport(ndjson(['QN-STP-250602-0904']), 'import-2');
      expect(other.status).toBe(422);
      expect(other.body.message).toMatch(/different request/);
      expect(await storedCodes()).toBe(3);
    });

    it('keeps the key of an import that outlasts its lease: the lease is renewed while it runs', async () => {
      const lines = ['QN-STP-250602-0906', 'QN-STP-250602-0907'].map(
        (code) => `${JSON.stringify(recordLine(code, returnedStory()))}\n`,
      );
      let sendRest: () => void = () => undefined;
      const rest = new Promise<void>((resolve) => (sendRest = resolve));
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(lines[0]));
          await rest;
          controller.enqueue(new TextEncoder().encode(lines[1]));
          controller.close();
        },
      });
      const first = fetch(`${stack.apiUrl}/api/admin/imports`, {
        method: 'POST',
        headers: { ...bearer(admin), 'content-type': 'application/x-ndjson', 'idempotency-key': 'import-4' },
        body,
        duplex: 'half',
      } as RequestInit);
      await new Promise((wait) => setTimeout(wait, 3 * LEASE_MS));
      const meanwhile = await postImport(lines.join(''), 'import-4');
      expect(meanwhile.status).toBe(409);
      sendRest();
      const answer = await first;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ imported: 2, skipped: 0, rejected: [] });
      expect(await postImport(lines.join(''), 'import-4')).toEqual({
        status: 200,
        body: { imported: 2, skipped: 0, rejected: [] },
      });
    });

    it('keeps the key for 24 hours, through the hourly sweep', async () => {
      const body = ndjson(['QN-STP-250602-0905']);
      const first = await postImport(body, 'import-3');
      const almostADayAgo = new Date(Date.now() - 24 * 60 * 60_000 + 60_000);
      await stack.apiDataSource
        .createQueryBuilder()
        .update(IdempotencyRecord)
        .set({ createdAt: almostADayAgo })
        .execute();
      await stack.api.get(IdempotencyJanitor).sweep();
      expect(await postImport(body, 'import-3')).toEqual(first);
      expect(await storedCodes()).toBe(6);
    });
  });
});
