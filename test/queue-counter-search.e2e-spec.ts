import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import type { ApplicationBody } from './support/applications';
import { ApplicationsClient } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_FORM, RECORD, RECORD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

/** National ID numbers nobody has an account with: paper files of people who never signed up. */
const WALK_IN = '022190004321';
const OTHER_WALK_IN = '022085007654';
/** Phones typed at the desk and in a form, in the shapes people write them. */
const DESK_PHONE = '0987 654 321';
const FORM_PHONE = '0388.123.456';

describe(`finding counter files by national ID and phone, and the queue's filters (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let clerk: Tokens;
  let justiceClerk: Tokens;
  let apps: ApplicationsClient;
  let clerkId: string;
  let walkIn: ApplicationBody;
  let formPhoneFile: ApplicationBody;
  let justiceFile: ApplicationBody;

  const register = async (
    staff: Tokens,
    procedureCode: string,
    formData: Record<string, unknown>,
    applicant: Record<string, string>,
  ) => {
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(staff),
      body: { procedureCode, applicant: { fullName: 'Lò Văn Sáng', ...applicant }, formData },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    return registered.body;
  };

  const found = async (staff: Tokens, query: Record<string, string>) => {
    const answer = await request<{ items: { id: string }[] }>(
      `${stack.apiUrl}/api/applications?${new URLSearchParams({ ...query, limit: '100' })}`,
      { headers: bearer(staff) },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items.map((item) => item.id);
  };

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    justiceClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
    clerkId = (await request<{ id: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(clerk) })).body.id;
    walkIn = await register(clerk, HOUSEHOLD, HOUSEHOLD_FORM, { nationalId: WALK_IN, phone: DESK_PHONE });
    formPhoneFile = await register(
      clerk,
      HOUSEHOLD,
      { ...HOUSEHOLD_FORM, phone: FORM_PHONE },
      { nationalId: OTHER_WALK_IN },
    );
    justiceFile = await register(justiceClerk, RECORD, RECORD_FORM, {
      nationalId: WALK_IN,
      phone: DESK_PHONE,
    });
  });

  afterAll(() => stack?.stop());

  it('finds a counter file of someone without an account by national ID number, in the clerk’s scope only', async () => {
    expect(await found(clerk, { q: WALK_IN })).toEqual([walkIn.id]);
    expect(await found(justiceClerk, { q: WALK_IN })).toEqual([justiceFile.id]);
    expect(await found(clerk, { q: OTHER_WALK_IN })).toEqual([formPhoneFile.id]);
  });

  it('keeps only the keyed hash of the number and of the phone beside the sealed values', async () => {
    const rows: Record<string, string | null>[] = await stack.apiDataSource.query(
      `SELECT applicant_national_id, applicant_national_id_hash, applicant_phone, applicant_phone_hash
       FROM applications WHERE id = '${walkIn.id}'`,
    );
    const [row] = rows;
    expect(JSON.stringify(row)).not.toContain(WALK_IN);
    expect(JSON.stringify(row)).not.toContain('987654321');
    expect(row!.applicant_national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.applicant_phone_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a file by the phone typed at the desk, domestic or international, with any separators', async () => {
    for (const shape of [
      '0987654321',
      '+84987654321',
      '+84 987 654 321',
      '84-987-654-321',
      '(0987) 654.321',
    ]) {
      expect(await found(clerk, { q: shape }), shape).toEqual([walkIn.id]);
    }
    expect(await found(justiceClerk, { q: '+84987654321' })).toEqual([justiceFile.id]);
  });

  it('finds a file by the phone answered in its form when the desk typed none', async () => {
    expect(await found(clerk, { q: '0388123456' })).toEqual([formPhoneFile.id]);
    expect(await found(clerk, { q: '+84388123456' })).toEqual([formPhoneFile.id]);
    expect(await found(clerk, { q: '0388123457' })).toEqual([]);
  });

  it('refuses a phone at the desk that is not a Vietnamese number, naming the field', async () => {
    const refused = await request(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: WALK_IN, fullName: 'Lò Văn Sáng', phone: '12345' },
        formData: HOUSEHOLD_FORM,
      },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('applicant.phone');
  });

  it('filters the files waiting for the citizen: a supplement asked for, or a decided file whose fee is unpaid', async () => {
    const asked = await register(clerk, HOUSEHOLD, HOUSEHOLD_FORM, { nationalId: WALK_IN });
    const supplement = await apps.act(clerk, asked.id, 'request_supplement', {
      reason: 'Thiếu bản sao',
      missingDocuments: ['Bản sao sổ hộ khẩu'],
    });
    expect(supplement.status).toBe(200);
    const unpaid = await register(clerk, HOUSEHOLD, HOUSEHOLD_FORM, { nationalId: WALK_IN });
    expect((await apps.act(clerk, unpaid.id, 'approve')).body.state).toBe('decided');
    const paid = await register(clerk, HOUSEHOLD, HOUSEHOLD_FORM, { nationalId: WALK_IN });
    expect((await apps.act(clerk, paid.id, 'pay', { reference: 'BL-0001' })).status).toBe(200);
    expect((await apps.act(clerk, paid.id, 'approve')).body.state).toBe('decided');

    const waiting = await found(clerk, { waiting: 'citizen' });
    expect(waiting).toEqual(expect.arrayContaining([asked.id, unpaid.id]));
    // Received and unpaid, with the fee due before the return: nothing is asked of the citizen yet.
    expect(waiting).not.toContain(walkIn.id);
    expect(waiting).not.toContain(paid.id);
    expect(await found(clerk, { waiting: 'citizen', q: WALK_IN })).toEqual(
      expect.arrayContaining([asked.id, unpaid.id]),
    );
    const bad = await request(`${stack.apiUrl}/api/applications?waiting=agency`, { headers: bearer(clerk) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('waiting');
  });

  it('filters the files of the clerk’s own agency that no person holds', async () => {
    const held = await register(clerk, HOUSEHOLD, HOUSEHOLD_FORM, { nationalId: OTHER_WALK_IN });
    expect((await apps.act(clerk, held.id, 'assign', { assigneeId: clerkId })).status).toBe(200);
    // Received at the demo desk for the Department of Justice: in the desk's scope, not its agency's.
    const elsewhere = await register(clerk, RECORD, RECORD_FORM, { nationalId: OTHER_WALK_IN });

    const unheld = await found(clerk, { holder: 'agency' });
    expect(unheld).toContain(walkIn.id);
    expect(unheld).toContain(formPhoneFile.id);
    expect(unheld).not.toContain(held.id);
    expect(unheld).not.toContain(elsewhere.id);
    expect(await found(clerk, { holder: 'none' })).toContain(elsewhere.id);
    expect(await found(justiceClerk, { holder: 'agency' })).toContain(elsewhere.id);
  });

  it('on the page, keeps the filters in the address and a phone number out of it', async () => {
    const cookie = `onegate_session=${clerk.accessToken}; onegate_lang=en`;
    const filtered = await fetch(`${stack.apiUrl}/staff/queue?waiting=citizen&holder=agency`, {
      headers: { cookie },
    });
    const html = await filtered.text();
    expect(filtered.status).toBe(200);
    expect(html).toContain('<option value="citizen" selected>');
    expect(html).toContain('<option value="agency" selected>');
    expect(html).toContain('name="back" value="holder&#x3D;agency&amp;waiting&#x3D;citizen"');

    const inUrl = await fetch(`${stack.apiUrl}/staff/queue?q=0987654321&waiting=citizen`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(inUrl.status).toBe(303);
    expect(inUrl.headers.get('location')).toBe('/staff/queue?waiting=citizen&notice=nationalIdInUrl');

    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const posted = await fetch(`${stack.apiUrl}/staff/queue`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, q: '+84 987 654 321' }).toString(),
    });
    const found = await posted.text();
    expect(posted.status).toBe(200);
    expect(found).toContain(`/staff/applications/${walkIn.id}`);
    expect(found).not.toContain(formPhoneFile.id);
    expect(found).not.toContain('987 654 321');
  });
});
