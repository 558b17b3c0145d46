import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { JobDispatcher, JobName } from '@onegate/jobs';
import { Agency, Notification, User } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { eventually, request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { addWorkingHoursByHand, localTime, workingHoursBetweenByHand } from './support/working-time-by-hand';

const CODE = '1.004401';
const TAX_CLERK = 'thue@demo.onegate.vn';
const NATIONAL_ID = '022090007788';

interface StepBody extends ApplicationBody {
  step: { position: number; agencyId: string; role: string; holderId: string | null; dueAt: string } | null;
  restricted: boolean;
  applicant: { nationalId: string; fullName: string };
}

/** Four steps: the desk, the specialist, the tax office (a transfer), the leader; 4 + 8 + 8 + 4 = 24 hours. */
const STEPS = (taxOfficeId: string) => [
  { nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', holderRole: 'clerk', budgetHours: 4 },
  { nameVi: 'Thẩm định hồ sơ', nameEn: 'Examination', holderRole: 'clerk', budgetHours: 8 },
  {
    nameVi: 'Xác định nghĩa vụ tài chính',
    nameEn: 'Tax assessment',
    holderRole: 'clerk',
    holderAgencyId: taxOfficeId,
    budgetHours: 8,
  },
  { nameVi: 'Ký kết quả', nameEn: 'Signature', holderRole: 'supervisor', budgetHours: 4 },
];

describe(`processing steps and transfers (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let admin: Tokens;
  let clerk: Tokens;
  let taxClerk: Tokens;
  let agencyIds: Record<string, string>;
  let taxClerkId = '';
  let fileId = '';

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    taxClerk = await signIn(stack.apiUrl, TAX_CLERK, password);
    const agencies = await stack.apiDataSource.getRepository(Agency).find();
    agencyIds = Object.fromEntries(agencies.map((agency) => [agency.code, agency.id]));
    taxClerkId = (await stack.apiDataSource.getRepository(User).findOneByOrFail({ email: TAX_CLERK })).id;
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(async () => {
    await stack?.stop();
  });

  const procedureBody = (steps: unknown[]) => ({
    code: CODE,
    nameVi: 'Thủ tục thử nghiệm liên thông thuế',
    nameEn: 'Test procedure with a tax transfer',
    field: 'Đất đai',
    agencyCode: 'QN-HL',
    processingHours: 24,
    onlineLevel: 'partial',
    feeVnd: 0,
    supplementPolicy: 'pause',
    requiredDocuments: [],
    formSchema: [],
    steps,
  });

  const act = (tokens: Tokens, action: string, fields: Record<string, unknown> = {}) =>
    apps.act(tokens, fileId, action, fields) as unknown as Promise<{ status: number; body: StepBody }>;
  const read = (tokens: Tokens) =>
    apps.get(tokens, fileId) as unknown as Promise<{ status: number; body: StepBody }>;
  const lastEvent = (body: StepBody) => body.events!.at(-1)!;

  it('refuses a process whose budgets do not add up to the time limit, naming steps', async () => {
    const steps = STEPS(agencyIds['QN-THUE-HL']!).map((step) => ({ ...step, budgetHours: 5 }));
    const refused = await request(`${stack.apiUrl}/api/admin/procedures`, {
      method: 'POST',
      headers: bearer(admin),
      body: procedureBody(steps),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('"field":"steps"');
  });

  it('keeps the process and shows it in the catalogue with its budgets', async () => {
    const created = await request<{ steps: { position: number; budgetHours: number }[] }>(
      `${stack.apiUrl}/api/admin/procedures`,
      { method: 'POST', headers: bearer(admin), body: procedureBody(STEPS(agencyIds['QN-THUE-HL']!)) },
    );
    expect(created.status).toBe(201);
    const shown = await request<{ steps: { position: number; budgetHours: number }[] }>(
      `${stack.apiUrl}/api/procedures/${CODE}`,
    );
    const page = await fetch(`${stack.apiUrl}/procedures/${CODE}`, { headers: { cookie: 'lang=vi' } });
    const html = await page.text();
    expect(html).toContain('Quy trình xử lý');
    expect(html).toContain('Xác định nghĩa vụ tài chính');
    expect(html).toContain('Chi cục Thuế thành phố Hạ Long (liên thông)');
    expect(html).toContain('8 giờ làm việc');
    expect(shown.body.steps.map((step) => [step.position, step.budgetHours])).toEqual([
      [1, 4],
      [2, 8],
      [3, 8],
      [4, 4],
    ]);
  });

  it('walks a file through its steps, each due time counted on the working calendar by hand', async () => {
    // Reception: Tuesday 15 December 2026, 09:00 in Viet Nam.
    const received = localTime('2026-12-15T09:00:00');
    stack.freezeClock(received);
    const registered = await request<StepBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: CODE,
        applicant: { nationalId: NATIONAL_ID, fullName: 'Đỗ Văn Đất' },
        formData: {},
      },
    });
    expect(registered.status).toBe(201);
    fileId = registered.body.id;
    let file = (await read(clerk)).body;
    expect(lastEvent(file).data).toMatchObject({
      step: 1,
      stepName: 'Tiếp nhận hồ sơ',
      stepAgencyId: agencyIds['QN-HL'],
      stepRole: 'clerk',
      stepDueAt: addWorkingHoursByHand(received, 4).toISOString(),
      dueAt: addWorkingHoursByHand(received, 24).toISOString(),
    });
    expect(file.step).toMatchObject({ position: 1, dueAt: addWorkingHoursByHand(received, 4).toISOString() });

    // A named person must be of the next step's unit: the tax clerk is not a clerk of Ha Long.
    const forwarded = localTime('2026-12-15T11:30:00');
    stack.freezeClock(forwarded);
    const wrongPerson = await act(clerk, 'forward', { assigneeId: taxClerkId });
    expect(wrongPerson.status).toBe(400);
    expect(JSON.stringify(wrongPerson.body)).toContain('assigneeId');

    file = (await act(clerk, 'forward')).body;
    expect(file.state).toBe('in_progress');
    expect(lastEvent(file).data).toMatchObject({
      step: 2,
      stepName: 'Thẩm định hồ sơ',
      stepDueAt: addWorkingHoursByHand(forwarded, 8).toISOString(),
    });

    // The tax office cannot see the file before its step.
    expect((await read(taxClerk)).status).toBe(404);

    const transferred = localTime('2026-12-16T14:00:00');
    stack.freezeClock(transferred);
    file = (await act(clerk, 'forward')).body;
    expect(lastEvent(file).data).toMatchObject({
      step: 3,
      stepAgencyId: agencyIds['QN-THUE-HL'],
      stepDueAt: addWorkingHoursByHand(transferred, 8).toISOString(),
    });
  });

  it("shows the tax office's clerk the restricted view of the part transferred to them", async () => {
    const seen = await read(taxClerk);
    expect(seen.status).toBe(200);
    expect(seen.body.restricted).toBe(true);
    expect(seen.body.applicant.nationalId).toBe('');
    expect(seen.body.formData).toEqual({});
    expect(JSON.stringify(seen.body)).not.toContain(NATIONAL_ID);
    expect(seen.body.allowedActions.sort()).toEqual(['forward', 'take_over']);
    const queue = await request<{ items: { id: string; restricted: boolean }[] }>(
      `${stack.apiUrl}/api/applications`,
      { headers: bearer(taxClerk) },
    );
    expect(queue.body.items.find((item) => item.id === fileId)).toMatchObject({ restricted: true });
    // Only forward and take_over: they see the file, so any other action is refused by role.
    expect((await act(taxClerk, 'request_supplement', { reason: 'x', missingDocuments: ['y'] })).status).toBe(
      403,
    );

    const taken = await act(taxClerk, 'take_over');
    expect(taken.status).toBe(200);
    expect(taken.body.step).toMatchObject({ position: 3, holderId: taxClerkId });
    expect(lastEvent(taken.body).data).toEqual({ stepId: expect.any(String), step: 3 });

    const answered = localTime('2026-12-17T10:15:00');
    stack.freezeClock(answered);
    const forwarded = await act(taxClerk, 'forward', {
      opinion: 'Thuế thu nhập cá nhân 2%',
      amountDue: 1_250_000,
    });
    expect(forwarded.status).toBe(200);
    const competent = (await read(clerk)).body;
    expect(lastEvent(competent).data).toMatchObject({
      opinion: 'Thuế thu nhập cá nhân 2%',
      amountDue: 1_250_000,
      step: 4,
      stepRole: 'supervisor',
      stepAgencyId: agencyIds['QN-HL'],
      stepDueAt: addWorkingHoursByHand(answered, 4).toISOString(),
    });
    // The file has left the tax office's step.
    expect((await read(taxClerk)).status).toBe(404);
  });

  it('sends back only to an earlier step, and a supplement wait pushes the step on', async () => {
    const wrong = await act(clerk, 'send_back', { step: 4, reason: 'Thiếu chữ ký' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('"field":"step"');

    const sentBack = localTime('2026-12-17T15:00:00');
    stack.freezeClock(sentBack);
    let file = (await act(clerk, 'send_back', { step: 2, reason: 'Cần thẩm định lại diện tích' })).body;
    expect(lastEvent(file).data).toMatchObject({
      step: 2,
      reason: 'Cần thẩm định lại diện tích',
      stepDueAt: addWorkingHoursByHand(sentBack, 8).toISOString(),
    });

    const requested = localTime('2026-12-18T09:00:00');
    stack.freezeClock(requested);
    await act(clerk, 'request_supplement', { reason: 'Thiếu bản vẽ', missingDocuments: ['Bản vẽ thửa đất'] });
    const resumed = localTime('2026-12-21T10:00:00');
    stack.freezeClock(resumed);
    file = (await act(clerk, 'supplement', { channel: 'offline' })).body;
    const paused = workingHoursBetweenByHand(requested, resumed);
    expect(lastEvent(file).data).toMatchObject({
      step: 2,
      stepDueAt: addWorkingHoursByHand(addWorkingHoursByHand(sentBack, 8), paused).toISOString(),
    });
  });

  it('answers 409 when forwarding past the last step', async () => {
    expect((await act(clerk, 'forward')).body.step?.position).toBe(3);
    const atLast = await act(clerk, 'forward', { opinion: 'Không phát sinh' });
    expect(atLast.body.step?.position).toBe(4);
    const beyond = await act(clerk, 'forward');
    expect(beyond.status).toBe(409);
  });

  it("alerts a late step's unit and its supervisors; an outdated check does nothing", async () => {
    const file = (await read(clerk)).body;
    const dueAt = new Date(file.step!.dueAt);

    const jobs = stack.api.get(JobDispatcher);
    const runCheck = async (
      payload: { applicationId: string; step: number; stepDueAt: string },
      key: string,
    ) => {
      const id = await jobs.dispatch(JobName.CheckStepDeadline, payload, { jobId: key });
      await eventually(async () => {
        const job = await jobs.queueOf(JobName.CheckStepDeadline).getJob(id);
        return (await job?.getState()) === 'completed' ? true : undefined;
      });
    };
    stack.freezeClock(new Date(dueAt.getTime() + 60_000));
    await runCheck({ applicationId: fileId, step: 3, stepDueAt: dueAt.toISOString() }, 'outdated');
    await runCheck({ applicationId: fileId, step: 4, stepDueAt: dueAt.toISOString() }, 'current');
    const supervisorId = (
      await stack.apiDataSource.getRepository(User).findOneByOrFail({ email: DEMO_ACCOUNTS.supervisor })
    ).id;
    const alerts = await eventually(async () => {
      const rows = await stack.apiDataSource
        .getRepository(Notification)
        .findBy({ applicationId: fileId, kind: 'step_overdue' });
      return rows.length > 0 ? rows : undefined;
    });
    expect(alerts.map((alert) => alert.recipientUserId)).toEqual([supervisorId]);
    expect(alerts[0]!.notificationKey).toBe(`${fileId}:step_overdue:4:${dueAt.getTime()}:${supervisorId}`);
  });
});
