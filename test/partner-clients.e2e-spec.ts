import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { Agency, PartnerClient } from '@onegate/persistence';

import type { Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import { HOUSEHOLD, HOUSEHOLD_FORM, RECORD, RECORD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import type { RegisteredClient } from './support/partner-clients';
import { askPartnerToken, partnerToken, registerPartnerClient } from './support/partner-clients';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { fileAtTaxStep } from './support/transfer-procedure';

const RATE_PER_MINUTE = 25;
const OVERLAP_HOURS = 2;
const TRANSFER_PROCEDURE = '9.700001';
/** The applicant of the Ha Long file: none of it may reach a partner client. */
const APPLICANT = { nationalId: '022190007654', fullName: 'Lê Thị Đối Tác' };

describe(`partner API clients (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let clerk: Tokens;
  /** A Ha Long file (competent and receiving agency QN-HL). */
  let haLongFile = '';
  /** A Department of Justice file, registered at its own desk: outside Ha Long. */
  let justiceFile = '';
  /** A file at a step transferred to the Ha Long tax office. */
  let transferredFile = '';

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({
          ...config,
          partners: {
            ...config.partners,
            ratePerMinute: RATE_PER_MINUTE,
            secretOverlapMs: OVERLAP_HOURS * 3_600_000,
          },
        }),
    });
    const password = stack.config.demoPassword!;
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const counter = async (tokens: Tokens, procedureCode: string, formData: Record<string, unknown>) => {
      const registered = await request<{ id: string }>(`${stack.apiUrl}/api/applications/counter`, {
        method: 'POST',
        headers: bearer(tokens),
        body: { procedureCode, applicant: APPLICANT, formData },
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      return registered.body.id;
    };
    haLongFile = await counter(clerk, HOUSEHOLD, { ...HOUSEHOLD_FORM, ...APPLICANT });
    justiceFile = await counter(await createStaff(stack.apiUrl, admin, JUSTICE_CLERK), RECORD, {
      ...RECORD_FORM,
      ...APPLICANT,
    });
    const taxOffice = await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-THUE-HL' });
    transferredFile = await fileAtTaxStep(
      stack.apiUrl,
      { admin, clerk },
      taxOffice.id,
      TRANSFER_PROCEDURE,
      APPLICANT,
    );
  });

  afterAll(async () => {
    stack?.freezeClock(null);
    await stack?.stop();
  });

  const register = (agencies: string[], scopes?: string[]) =>
    registerPartnerClient(stack.apiUrl, admin, { agencies, scopes });
  const tokenOf = (client: RegisteredClient) =>
    partnerToken(stack.apiUrl, client.clientId, client.clientSecret);
  const call = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    request<Record<string, unknown>>(`${stack.apiUrl}${path}`, { ...init, headers: bearer(token) });
  const administer = (path: string, init: { method?: string; body?: unknown } = {}) =>
    request<Record<string, unknown>>(`${stack.apiUrl}/api/admin/partner-clients${path}`, {
      ...init,
      headers: bearer(admin),
    });

  it('issues a short-lived bearer token for the client credentials, in the form or by HTTP Basic', async () => {
    const client = await register(['QN-HL'], ['files:read']);
    const inForm = await askPartnerToken(stack.apiUrl, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(inForm.status).toBe(200);
    expect(inForm.headers.get('cache-control')).toBe('no-store');
    expect(inForm.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'files:read' });
    const basic = Buffer.from(`${client.clientId}:${encodeURIComponent(client.clientSecret)}`).toString(
      'base64',
    );
    const byBasic = await askPartnerToken(
      stack.apiUrl,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(byBasic.status).toBe(200);
    expect((await call(byBasic.body.access_token!, '/api/partner/files')).status).toBe(200);
  });

  it('refuses a token with RFC 6749 errors: wrong secret, unknown or disabled client, wrong grant', async () => {
    const client = await register(['QN-HL'], ['files:read']);
    const ask = (fields: Record<string, string>) => askPartnerToken(stack.apiUrl, fields);
    const grant = { grant_type: 'client_credentials' };
    const wrongSecret = await ask({ ...grant, client_id: client.clientId, client_secret: 'ogp_not-it' });
    expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, 'invalid_client']);
    expect(wrongSecret.body.error_description).toEqual(expect.any(String));
    const unknown = await ask({
      ...grant,
      client_id: '00000000-0000-4000-8000-000000000000',
      client_secret: client.clientSecret,
    });
    expect([unknown.status, unknown.body.error]).toEqual([401, 'invalid_client']);
    const badGrant = await ask({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect([badGrant.status, badGrant.body.error]).toEqual([400, 'unsupported_grant_type']);
    const noGrant = await ask({ client_id: client.clientId, client_secret: client.clientSecret });
    expect([noGrant.status, noGrant.body.error]).toEqual([400, 'invalid_request']);
    expect((await administer(`/${client.id}`, { method: 'PATCH', body: { enabled: false } })).status).toBe(
      200,
    );
    const disabled = await ask({ ...grant, client_id: client.clientId, client_secret: client.clientSecret });
    expect([disabled.status, disabled.body.error]).toEqual([401, 'invalid_client']);
  });

  it('keeps only a hash of the secret, shows it once, and never lists it', async () => {
    const client = await register(['QN-HL']);
    const row = await stack.apiDataSource.getRepository(PartnerClient).findOneByOrFail({ id: client.id });
    expect(row.secretHash).not.toBe(client.clientSecret);
    expect(row.secretHash).toBe(createHash('sha256').update(client.clientSecret).digest('hex'));
    const stored = await stack.apiDataSource.query('SELECT * FROM partner_clients');
    expect(JSON.stringify(stored)).not.toContain(client.clientSecret);
    const shown = await administer(`/${client.id}`);
    const listed = await administer('');
    expect(JSON.stringify([shown.body, listed.body])).not.toContain(client.clientSecret);
    expect(JSON.stringify(shown.body)).not.toContain(row.secretHash);
  });

  it('accepts the secret before a rotation during the overlap, then only the new one', async () => {
    const client = await register(['QN-HL'], ['files:read']);
    const rotated = await administer(`/${client.id}/rotate-secret`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.clientSecret as string;
    expect(newSecret).not.toBe(client.clientSecret);
    const ask = (secret: string) =>
      askPartnerToken(stack.apiUrl, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: secret,
      });
    expect((await ask(client.clientSecret)).status).toBe(200);
    expect((await ask(newSecret)).status).toBe(200);
    const until = new Date(rotated.body.previousSecretUntil as string);
    expect(until.getTime() - Date.now()).toBeGreaterThan((OVERLAP_HOURS - 0.1) * 3_600_000);
    stack.freezeClock(new Date(until.getTime() + 60_000));
    try {
      const old = await ask(client.clientSecret);
      expect([old.status, old.body.error]).toEqual([401, 'invalid_client']);
      expect((await ask(newSecret)).status).toBe(200);
    } finally {
      stack.freezeClock(null);
    }
  });

  it("reads the files of its agencies only, without the applicant's personal data", async () => {
    const token = await tokenOf(await register(['QN-HL'], ['files:read']));
    const own = await call(token, `/api/partner/files/${haLongFile}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: haLongFile, competentAgency: 'QN-HL', state: 'received' });
    const text = JSON.stringify(own.body);
    for (const personal of [APPLICANT.nationalId, APPLICANT.fullName, HOUSEHOLD_FORM.phone, 'businessName'])
      expect(text).not.toContain(personal);
    expect((await call(token, `/api/partner/files/${justiceFile}`)).status).toBe(404);
    const listed = await call(token, '/api/partner/files?pageSize=100');
    expect(listed.status).toBe(200);
    const ids = (listed.body.items as { id: string }[]).map((file) => file.id);
    expect(ids).toContain(haLongFile);
    expect(ids).not.toContain(justiceFile);
    expect(JSON.stringify(listed.body)).not.toContain(APPLICANT.fullName);
    // A client of the whole province sees the agencies below it, the Department of Justice too.
    const province = await tokenOf(await register(['QN'], ['files:read']));
    expect((await call(province, `/api/partner/files/${justiceFile}`)).status).toBe(200);
  });

  it('refuses what its scopes do not name, every route of people, and people its routes', async () => {
    const reportsOnly = await tokenOf(await register(['QN-HL'], ['reports:read']));
    expect((await call(reportsOnly, `/api/partner/files/${haLongFile}`)).status).toBe(403);
    expect((await call(reportsOnly, '/api/partner/files')).status).toBe(403);
    const reader = await tokenOf(await register(['QN-HL'], ['files:read']));
    expect((await call(reader, '/api/applications')).status).toBe(403);
    expect((await call(reader, `/api/applications/${haLongFile}`)).status).toBe(403);
    expect((await call(reader, '/api/admin/partner-clients')).status).toBe(403);
    expect((await call(reader, '/api/reports/summary?from=2025-01-01&to=2025-01-31')).status).toBe(403);
    expect((await request(`${stack.apiUrl}/api/partner/files`)).status).toBe(401);
    expect((await call(admin.accessToken, '/api/partner/files')).status).toBe(403);
    expect((await call(clerk.accessToken, `/api/partner/files/${haLongFile}`)).status).toBe(403);
  });

  it("stops a disabled or deleted client's token at once", async () => {
    const client = await register(['QN-HL'], ['files:read']);
    const token = await tokenOf(client);
    expect((await call(token, '/api/partner/files')).status).toBe(200);
    expect((await administer(`/${client.id}`, { method: 'PATCH', body: { enabled: false } })).status).toBe(
      200,
    );
    expect((await call(token, '/api/partner/files')).status).toBe(401);
    expect((await administer(`/${client.id}`, { method: 'PATCH', body: { enabled: true } })).status).toBe(
      200,
    );
    expect((await call(token, '/api/partner/files')).status).toBe(200);
    expect((await administer(`/${client.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(token, '/api/partner/files')).status).toBe(401);
    expect((await administer(`/${client.id}`)).status).toBe(404);
  });

  it('acts on a step transferred to its agency with steps:act, and on no other', async () => {
    const path = (id: string) => `/api/partner/files/${id}/forward`;
    const taxReader = await tokenOf(await register(['QN-THUE-HL'], ['files:read']));
    expect((await call(taxReader, path(transferredFile), { method: 'POST', body: {} })).status).toBe(403);
    // The competent agency's client: the step is not transferred to it.
    const desk = await tokenOf(await register(['QN-HL'], ['steps:act']));
    expect((await call(desk, path(transferredFile), { method: 'POST', body: {} })).status).toBe(404);
    const tax = await tokenOf(await register(['QN-THUE-HL'], ['steps:act']));
    expect((await call(tax, path(haLongFile), { method: 'POST', body: {} })).status).toBe(404);
    const badAmount = await call(tax, path(transferredFile), { method: 'POST', body: { amountDue: -5 } });
    expect(badAmount.status).toBe(400);
    expect(JSON.stringify(badAmount.body.details)).toContain('amountDue');
    const noVersion = await call(tax, path(transferredFile), { method: 'POST', body: {} });
    expect(noVersion.status).toBe(400);
    expect(JSON.stringify(noVersion.body.details)).toContain('version');
    const seen = await request<{ version: number }>(`${stack.apiUrl}/api/applications/${transferredFile}`, {
      headers: bearer(clerk),
    });
    const stale = await call(tax, path(transferredFile), {
      method: 'POST',
      body: { opinion: 'Lệ phí trước bạ 0,5%', version: seen.body.version - 1 },
    });
    expect(stale.status).toBe(409);
    const forwarded = await call(tax, path(transferredFile), {
      method: 'POST',
      body: { opinion: 'Lệ phí trước bạ 0,5%', amountDue: 1_250_000, version: seen.body.version },
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(forwarded.body.step).toMatchObject({ position: 3, agency: 'QN-HL' });
    const events = forwarded.body.events as { type: string; step: number | null }[];
    expect(events.at(-1)).toMatchObject({ type: 'forward', step: 3 });
    // Once the file has left its step, it is nothing to the tax office's client.
    expect((await call(tax, path(transferredFile), { method: 'POST', body: {} })).status).toBe(404);
    const onFile = await request<{
      events: { type: string; actorId: string | null; data: Record<string, unknown> }[];
    }>(`${stack.apiUrl}/api/applications/${transferredFile}`, { headers: bearer(clerk) });
    expect(onFile.body.events.at(-1)).toMatchObject({
      type: 'forward',
      data: expect.objectContaining({ opinion: 'Lệ phí trước bạ 0,5%', amountDue: 1_250_000 }),
    });
  });

  it('reads the report figures of its agencies only', async () => {
    const week = 'from=2025-01-01&to=2025-01-07';
    const haLong = await tokenOf(await register(['QN-HL'], ['reports:read']));
    const own = await call(haLong, `/api/partner/reports/summary?${week}`);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ from: '2025-01-01', to: '2025-01-07' });
    expect((await call(haLong, `/api/partner/reports/summary?${week}&agency=QN-HL-BC`)).status).toBe(200);
    expect((await call(haLong, `/api/partner/reports/summary?${week}&agency=QN-STP`)).status).toBe(404);
    expect((await call(haLong, `/api/partner/reports/summary?${week}&agency=QN`)).status).toBe(404);
    const two = await tokenOf(await register(['QN-HL', 'QN-STP'], ['reports:read']));
    const unnamed = await call(two, `/api/partner/reports/summary?${week}`);
    expect(unnamed.status).toBe(400);
    expect(JSON.stringify(unnamed.body.details)).toContain('agency');
    expect((await call(two, `/api/partner/reports/summary?${week}&agency=QN-STP`)).status).toBe(200);
    const reader = await tokenOf(await register(['QN-HL'], ['files:read']));
    expect((await call(reader, `/api/partner/reports/summary?${week}`)).status).toBe(403);
  });

  it('answers 429 with Retry-After past the rate a minute, per client', async () => {
    const token = await tokenOf(await register(['QN-HL'], ['files:read']));
    const statuses: number[] = [];
    for (let index = 0; index < RATE_PER_MINUTE; index++)
      statuses.push((await call(token, '/api/partner/files?pageSize=1')).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const refused = await call(token, '/api/partner/files?pageSize=1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is counted apart.
    const other = await tokenOf(await register(['QN-HL'], ['files:read']));
    expect((await call(other, '/api/partner/files?pageSize=1')).status).toBe(200);
  });

  it("lists the client's calls for the administrator: route, method, answer, time, nothing else", async () => {
    const client = await register(['QN-HL'], ['files:read']);
    const token = await tokenOf(client);
    await call(token, `/api/partner/files/${haLongFile}`);
    await call(token, `/api/partner/files/${justiceFile}`);
    await call(token, '/api/applications');
    const refused = await askPartnerToken(stack.apiUrl, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: 'ogp_not-its-secret',
    });
    expect(refused.status).toBe(401);
    const calls = await eventually(async () => {
      const answer = await administer(`/${client.id}/calls`);
      const items = answer.body.items as { method: string; route: string; path: string; status: number }[];
      return items.length >= 5 ? items : undefined;
    });
    expect(calls.map((each) => `${each.method} ${each.route} ${each.status}`).sort()).toEqual(
      [
        'GET /api/applications 403',
        'GET /api/partner/files/:id 200',
        'GET /api/partner/files/:id 404',
        'POST /api/oauth/token 200',
        'POST /api/oauth/token 401',
      ].sort(),
    );
    expect(JSON.stringify(calls)).not.toContain(APPLICANT.fullName);
    const inLog = await request<{ items: { type: string; actorId: string }[] }>(
      `${stack.apiUrl}/api/admin/audit?type=partner_call&userId=${client.id}`,
      { headers: bearer(admin) },
    );
    expect(inLog.status).toBe(200);
    expect(inLog.body.items.map((event) => [event.type, event.actorId])).toContainEqual([
      'partner_call',
      client.id,
    ]);
    expect(
      (
        await request(`${stack.apiUrl}/api/admin/partner-clients/${client.id}/calls`, {
          headers: bearer(clerk),
        })
      ).status,
    ).toBe(403);
  });

  it('refuses bad registrations naming the field', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const answer = await administer('', { method: 'POST', body });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body.details)).toContain(field);
    };
    await bad({ name: 'x', scopes: ['files:write'], agencies: ['QN'] }, 'scopes');
    await bad({ name: 'x', scopes: ['files:read'], agencies: ['NOWHERE'] }, 'agencies');
    await bad({ name: 'x', scopes: ['files:read'], agencies: [] }, 'agencies');
    await bad({ scopes: ['files:read'], agencies: ['QN'] }, 'name');
  });
});
