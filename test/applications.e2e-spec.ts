import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, EXECUTABLE_BYTES, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { eventually, request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';
import { addWorkingHoursByHand, localTime, workingHoursBetweenByHand } from './support/working-time-by-hand';
import {
  HOUSEHOLD,
  HOUSEHOLD_DOCUMENT,
  HOUSEHOLD_FORM,
  RECORD,
  RECORD_DOCUMENT,
  RECORD_FORM,
} from './support/demo-facts';

// National Day 2026: Monday 31/8 (swapped with Saturday 22/8), Tuesday 1/9 and Wednesday 2/9 are off.
const NATIONAL_DAY_2026 = { off: ['2026-08-31', '2026-09-01', '2026-09-02'], working: ['2026-08-22'] };

describe(`application lifecycle (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let justiceClerk: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    justiceClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  /** A submitted application of the given procedure, at the given local time. */
  async function submitted(
    procedure: string,
    formData: Record<string, unknown>,
    document: string,
    at: string,
  ) {
    stack.freezeClock(localTime(at));
    const draft = await apps.create(citizen, procedure, formData);
    expect(draft.status).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, document, PDF_BYTES)).status).toBe(201);
    if (procedure === HOUSEHOLD) await confirmOnlinePayment(stack, draft.body.id, 'PG-1');
    const sent = await apps.act(citizen, draft.body.id, 'submit');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body;
  }

  it('goes fully online from draft to returned, due when the rules say for a Friday 16:00 before a holiday', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-08-28T15:30:00');
    stack.freezeClock(localTime('2026-08-28T16:00:00'));
    const received = await apps.act(clerk, application.id, 'receive');
    expect(received.status).toBe(200);
    expect(received.body.code).toMatch(/^QN-HL-260828-\d{4}$/);
    const dueByHand = addWorkingHoursByHand(localTime('2026-08-28T16:00:00'), 24, NATIONAL_DAY_2026);
    expect(dueByHand).toEqual(localTime('2026-09-07T16:00:00'));
    expect(received.body.dueAt).toBe(dueByHand.toISOString());

    stack.freezeClock(localTime('2026-09-03T10:00:00'));
    expect((await apps.act(clerk, application.id, 'approve')).body.state).toBe('decided');
    const signed = await eventually(async () => {
      const current = await apps.get(clerk, application.id);
      return current.body.signed ? current.body : undefined;
    });
    // The demo procedure has a process: the decided file is still at its first step, which may move on.
    expect(signed.allowedActions).toEqual(['return', 'forward', 'take_over']);
    const returned = await apps.act(clerk, application.id, 'return');
    expect(returned.body.state).toBe('returned');

    const events = returned.body.events!;
    expect(events.map((event) => event.type)).toEqual([
      'pay',
      'submit',
      'receive',
      'approve',
      'sign',
      'return',
    ]);
    expect(events.every((event) => event.channel === 'online')).toBe(true);
    expect(events.find((event) => event.type === 'sign')).toMatchObject({
      actorRole: 'system',
      fromState: 'decided',
      toState: 'decided',
    });
    expect(events.map((event) => event.toState)).toEqual([
      'draft',
      'submitted',
      'received',
      'decided',
      'decided',
      'returned',
    ]);
  });

  it('registers a paper file at the counter, in the citizen’s list too', async () => {
    stack.freezeClock(localTime('2026-11-20T09:00:00'));
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A' },
        formData: HOUSEHOLD_FORM,
      },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      state: 'received',
      submissionChannel: 'offline',
      receivingAgencyCode: 'QN-HL',
    });
    expect(registered.body.dueAt).toBe(
      addWorkingHoursByHand(localTime('2026-11-20T09:00:00'), 24).toISOString(),
    );
    const detail = await apps.get(clerk, registered.body.id);
    expect(detail.body.events).toEqual([
      expect.objectContaining({
        type: 'register_counter',
        channel: 'offline',
        fromState: null,
        toState: 'received',
      }),
    ]);
    const mine = await request<{ items: { id: string }[] }>(`${stack.apiUrl}/api/applications?limit=100`, {
      headers: bearer(citizen),
    });
    expect(mine.body.items.map((item) => item.id)).toContain(registered.body.id);
  });

  it('takes a paper file at any agency’s desk and routes it to the competent agency’s queue', async () => {
    stack.freezeClock(localTime('2026-11-20T10:00:00'));
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(justiceClerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: '022191004322', fullName: 'Lê Văn D' },
        formData: HOUSEHOLD_FORM,
      },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.code).toMatch(/^QN-STP-261120-\d{4}$/);
    expect(registered.body).toMatchObject({ receivingAgencyCode: 'QN-STP', competentAgencyCode: 'QN-HL' });
    const queue = await request<{ items: { id: string }[] }>(
      `${stack.apiUrl}/api/applications?state=received&limit=100`,
      {
        headers: bearer(clerk),
      },
    );
    expect(queue.body.items.map((item) => item.id)).toContain(registered.body.id);
    expect((await apps.act(clerk, registered.body.id, 'approve')).status).toBe(200);
  });

  it('pauses the clock for a supplement under the pause policy, by exactly the working hours waited', async () => {
    const application = await submitted(RECORD, RECORD_FORM, RECORD_DOCUMENT, '2026-11-23T08:30:00');
    stack.freezeClock(localTime('2026-11-23T09:00:00'));
    const received = await apps.act(justiceClerk, application.id, 'receive');
    expect(received.body.code).toMatch(/^QN-STP-261123-\d{4}$/);
    const dueAtReception = addWorkingHoursByHand(localTime('2026-11-23T09:00:00'), 80);
    expect(received.body.dueAt).toBe(dueAtReception.toISOString());

    stack.freezeClock(localTime('2026-11-24T14:00:00'));
    const asked = await apps.act(justiceClerk, application.id, 'request_supplement', {
      reason: 'Ảnh chụp không rõ',
      missingDocuments: ['Bản sao CCCD'],
    });
    expect(asked.body.state).toBe('supplement_requested');
    stack.freezeClock(localTime('2026-11-26T10:00:00'));
    expect((await apps.upload(citizen, application.id, 'Bản sao CCCD', PDF_BYTES)).status).toBe(201);
    const answered = await apps.act(citizen, application.id, 'supplement');
    expect(answered.body.state).toBe('in_progress');
    const paused = workingHoursBetweenByHand(
      localTime('2026-11-24T14:00:00'),
      localTime('2026-11-26T10:00:00'),
    );
    expect(paused).toBe(13);
    expect(answered.body.pausedHours).toBe(paused);
    expect(answered.body.dueAt).toBe(addWorkingHoursByHand(dueAtReception, paused).toISOString());
  });

  it('restarts the clock from the supplement under the restart policy', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-23T08:30:00');
    stack.freezeClock(localTime('2026-11-23T09:00:00'));
    await apps.act(clerk, application.id, 'receive');
    stack.freezeClock(localTime('2026-11-23T15:00:00'));
    await apps.act(clerk, application.id, 'request_supplement', {
      reason: 'Thiếu giấy tờ',
      missingDocuments: ['Hợp đồng thuê nhà'],
    });
    stack.freezeClock(localTime('2026-11-25T11:15:00'));
    expect((await apps.upload(citizen, application.id, 'Hợp đồng thuê nhà', PDF_BYTES)).status).toBe(201);
    const answered = await apps.act(citizen, application.id, 'supplement');
    expect(answered.body.dueAt).toBe(
      addWorkingHoursByHand(localTime('2026-11-25T11:15:00'), 24).toISOString(),
    );
    expect(answered.body.pausedHours).toBe(
      workingHoursBetweenByHand(localTime('2026-11-23T15:00:00'), localTime('2026-11-25T11:15:00')),
    );
  });

  it('records an apology letter without moving the due time; a decision after it is late', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-02T08:00:00');
    stack.freezeClock(localTime('2026-11-02T09:00:00'));
    const received = await apps.act(clerk, application.id, 'receive');
    stack.freezeClock(localTime('2026-11-05T09:00:00'));
    const extended = await apps.act(clerk, application.id, 'extend', {
      reason: 'Cần xác minh thêm',
      appointmentAt: localTime('2026-11-10T09:00:00').toISOString(),
    });
    expect(extended.status).toBe(200);
    expect(extended.body.dueAt).toBe(received.body.dueAt);
    expect(extended.body).toMatchObject({ appointmentAt: localTime('2026-11-10T09:00:00').toISOString() });
    stack.freezeClock(localTime('2026-11-09T15:00:00'));
    const decided = await apps.act(clerk, application.id, 'deny', { reason: 'Không đủ điều kiện' });
    expect(decided.body.state).toBe('decided');
    expect(
      new Date(String((decided.body as unknown as { decidedAt: string }).decidedAt)) >
        new Date(received.body.dueAt!),
    ).toBe(true);
    expect(decided.body.events!.find((event) => event.type === 'extend')!.data).toMatchObject({
      reason: 'Cần xác minh thêm',
    });
  });

  it('lets the citizen withdraw, after which nothing more happens', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-23T08:30:00');
    expect((await apps.act(citizen, application.id, 'withdraw')).body.state).toBe('withdrawn');
    const after = await apps.act(clerk, application.id, 'receive');
    expect(after.status).toBe(409);
    expect(after.body.details).toEqual({ state: 'withdrawn', allowedActions: [] });
  });

  it('answers a disallowed action with 409 listing what is possible, and changes nothing', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, {});
    const refused = await apps.act(clerk, draft.body.id, 'approve');
    expect(refused.status).toBe(404); // a clerk does not see drafts
    const early = await apps.act(citizen, draft.body.id, 'withdraw');
    expect(early.status).toBe(409);
    expect(early.body.details).toEqual({ state: 'draft', allowedActions: ['submit', 'pay'] });
    expect((await apps.get(citizen, draft.body.id)).body.version).toBe(draft.body.version);
    const wrongRole = await apps.act(citizen, draft.body.id, 'approve');
    expect(wrongRole.status).toBe(403);
  });

  it('refuses an action field the action does not take with 400 naming it, and changes nothing', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-23T08:30:00');
    const receivedWithAppointment = await apps.act(clerk, application.id, 'receive', {
      appointmentAt: '2026-12-01T02:00:00Z',
    });
    expect(receivedWithAppointment.status).toBe(400);
    expect(receivedWithAppointment.body.details).toEqual([
      { field: 'appointmentAt', problems: ['appointmentAt is not taken by receive'] },
    ]);
    expect((await apps.act(clerk, application.id, 'receive')).status).toBe(200);
    const approvedWithAssignee = await apps.act(clerk, application.id, 'approve', {
      assigneeId: '00000000-0000-4000-8000-000000000001',
    });
    expect(approvedWithAssignee.status).toBe(400);
    expect(approvedWithAssignee.body.message).toBe('Invalid assigneeId');
    expect(approvedWithAssignee.body.details).toEqual([
      { field: 'assigneeId', problems: ['assigneeId is not taken by approve'] },
    ]);
    const after = await apps.get(clerk, application.id);
    expect(after.body.state).toBe('received');
    expect(after.body.events!.map((event) => event.type)).toEqual(['pay', 'submit', 'receive']);
  });

  it('takes the staff page’s action form with its unused inputs left empty, and refuses a foreign field there too', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-23T08:30:00');
    const cookie = `onegate_session=${clerk.accessToken}`;
    const page = await fetch(`${stack.apiUrl}/staff/applications/${application.id}`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.apiUrl}/staff/applications/${application.id}/actions`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const blanks = { reason: '', appointmentAt: '', assigneeId: '', missingOther: '', note: '' };
    const received = await post({ action: 'receive', ...blanks, note: 'Nhận tại quầy' });
    expect(received.status).toBe(303);
    expect(received.headers.get('location')).toBe(`/staff/applications/${application.id}?notice=acted`);
    const tampered = await post({
      action: 'approve',
      ...blanks,
      assigneeId: '00000000-0000-4000-8000-000000000001',
    });
    expect(tampered.status).toBe(400);
    const after = await apps.get(clerk, application.id);
    expect(after.body.state).toBe('received');
    expect(after.body.events!.at(-1)).toMatchObject({ type: 'receive', note: 'Nhận tại quầy' });
  });

  it('lets exactly one of 20 concurrent approvals win', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-23T08:30:00');
    await apps.act(clerk, application.id, 'receive');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => apps.act(clerk, application.id, 'approve')),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const events = (await apps.get(clerk, application.id)).body.events!;
    expect(events.filter((event) => event.type === 'approve')).toHaveLength(1);
  });

  it('refuses an incomplete submission with 422 naming each field and document', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, { fullName: 'Nguyễn Văn A', capital: 'nhiều' });
    expect(draft.status).toBe(422);
    expect(draft.body.details).toEqual([{ field: 'formData.capital', problems: ['must be a number'] }]);
    const partial = await apps.create(citizen, HOUSEHOLD, { fullName: 'Nguyễn Văn A' });
    const sent = await apps.act(citizen, partial.body.id, 'submit');
    expect(sent.status).toBe(422);
    const fields = (sent.body.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual([
      `attachments.${HOUSEHOLD_DOCUMENT}`,
      'formData.businessName',
      'formData.capital',
      'formData.nationalId',
      'formData.phone',
    ]);
    expect((await apps.get(citizen, partial.body.id)).body.state).toBe('draft');
  });

  it('refuses an executable renamed .pdf and an oversized file, leaving the draft intact', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, { fullName: 'Nguyễn Văn A' });
    const executable = await apps.upload(
      citizen,
      draft.body.id,
      HOUSEHOLD_DOCUMENT,
      EXECUTABLE_BYTES,
      'giay-de-nghi.pdf',
    );
    expect(executable.status).toBe(400);
    expect(executable.body.details).toEqual([
      { field: 'file', problems: [expect.stringMatching(/its content is/)] },
    ]);
    const oversized = Buffer.concat([PDF_BYTES, Buffer.alloc(6 * 1024 * 1024)]);
    const tooBig = await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, oversized);
    expect(tooBig.status).toBe(400);
    const after = await apps.get(citizen, draft.body.id);
    expect(after.body).toMatchObject({
      state: 'draft',
      formData: { fullName: 'Nguyễn Văn A' },
      attachments: [],
    });
  });

  it('stores uploads with their SHA-256 and serves them only to those allowed, with a safe name', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, {});
    const uploaded = await apps.upload(
      citizen,
      draft.body.id,
      HOUSEHOLD_DOCUMENT,
      PDF_BYTES,
      'đơn "đề nghị"\r\n.pdf',
    );
    expect(uploaded.body).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF_BYTES.length });
    const file = await fetch(
      `${stack.apiUrl}/api/applications/${draft.body.id}/attachments/${uploaded.body.id}`,
      {
        headers: bearer(citizen),
      },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF_BYTES);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''/,
    );
    const stranger = await fetch(
      `${stack.apiUrl}/api/applications/${draft.body.id}/attachments/${uploaded.body.id}`,
      {
        headers: bearer(justiceClerk),
      },
    );
    expect(stranger.status).toBe(404);
  });

  it('hides a citizen’s file from other citizens and other agencies’ clerks, and tracks it by code and ID only', async () => {
    const application = await submitted(HOUSEHOLD, HOUSEHOLD_FORM, HOUSEHOLD_DOCUMENT, '2026-11-23T08:30:00');
    const received = await apps.act(clerk, application.id, 'receive');
    const other = await request<{ accessToken: string }>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: {
        nationalId: '022191004321',
        fullName: 'Lê Thị C',
        email: 'c@example.vn',
        phone: '0987654321',
        password: 'Bai Chay sunset 9',
      },
    });
    expect((await apps.get(other.body as Tokens, application.id)).status).toBe(404);
    expect((await apps.get(justiceClerk, application.id)).status).toBe(404);
    expect((await apps.act(justiceClerk, application.id, 'approve')).status).toBe(404);
    const track = (code: unknown, nationalId: string) =>
      request(`${stack.apiUrl}/api/track`, { method: 'POST', body: { code, nationalId } });
    const tracked = await track(received.body.code, '022090001234');
    expect(tracked.status).toBe(200);
    expect(Object.keys(tracked.body).sort()).toEqual(['code', 'dueAt', 'procedureName', 'state', 'timeline']);
    expect((await track(received.body.code, '022191004321')).status).toBe(404);
    // The old address, with the number in its query, looks nothing up and says where the number goes.
    const byAddress = await request(
      `${stack.apiUrl}/api/track/${received.body.code}?nationalId=022090001234`,
    );
    expect(byAddress.status).toBe(400);
    expect(JSON.stringify(byAddress.body)).toContain('nationalId');
    expect(JSON.stringify(byAddress.body)).not.toContain('timeline');
  });
});
