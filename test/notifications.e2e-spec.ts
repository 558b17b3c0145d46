import { createHash } from 'node:crypto';

import { In } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { NOTIFICATION_KINDS } from '@onegate/domain';
import { JobDispatcher, JobName } from '@onegate/jobs';
import type { JobPayloads } from '@onegate/jobs';
import { SEND_LEASE_MS } from '@onegate/notifications';
import {
  Application,
  ApplicationEvent,
  ApplicationWatchRepository,
  Attachment,
  Notification,
} from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { eventually, request } from './support/http';
import { pdftotext, POPPLER_INSTALLED } from './support/poppler';
import { event, recordLine } from './support/reports/crafted-lines';
import { importLines } from './support/reports/report-client';
import { SmtpCatcher } from './support/smtp-catcher';
import type { CaughtMail } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';
import { addWorkingHoursByHand, localTime } from './support/working-time-by-hand';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';

const SCRIPT = '<script>alert("x")</script>';
const ESCAPED_SCRIPT = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
const householdForm = (nationalId: string, businessName = 'Tạp hoá Bình An') => ({
  fullName: 'Nguyễn Văn A',
  nationalId,
  phone: '0912345678',
  businessName,
  capital: 50_000_000,
});
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SUPERVISOR_EMAIL = DEMO_ACCOUNTS.supervisor;
const CLERK_EMAIL = DEMO_ACCOUNTS.clerk;

interface NotificationPage {
  items: { id: string; kind: string; subject: string; text: string; readAt: string | null }[];
  total: number;
  unread: number;
}

describe(`notifications and deadline alerts (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let citizenEmail: string;
  let clerk: Tokens;
  let admin: Tokens;
  let supervisor: Tokens;
  let walkInEmail: string;
  const codes = { full: '', walkIn: '', deadline: '' };
  let fullId = '';

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    const english = newCitizen({ language: 'en', fullName: 'Tran Thi Binh' });
    citizenEmail = english.email;
    citizen = await registerVerified(stack.apiUrl, catcher, english);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, password);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  const jobs = () => stack.api.get(JobDispatcher);

  /** Enqueues a job by hand and waits until the worker has finished it. */
  async function runJob<Name extends JobName>(name: Name, payload: JobPayloads[Name], jobId?: string) {
    const id = await jobs().dispatch(name, payload, jobId ? { jobId } : {});
    await eventually(async () => {
      const job = await jobs().queueOf(name).getJob(id);
      if ((await job?.getState()) === 'failed') throw new Error(`${name} failed: ${job?.failedReason}`);
      return (await job?.getState()) === 'completed' ? true : undefined;
    });
  }

  /** Waits until no notification job is left to run. */
  async function notificationsSettled() {
    await eventually(async () => {
      const counts = await jobs()
        .queueOf(JobName.SendNotification)
        .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((count) => count === 0) ? true : undefined;
    });
  }

  const notificationsOf = (applicationId: string) =>
    stack.apiDataSource
      .getRepository(Notification)
      .find({ where: { applicationId }, order: { createdAt: 'ASC', kind: 'ASC' } });

  const mailAbout = (address: string, code: string) =>
    catcher.to(address).filter((mail) => mail.subject.includes(code));

  /** The one form a mail carries, checked to be a PDF, with the text a reader sees in it. */
  function formIn(mail: CaughtMail, fileName: string) {
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([fileName]);
    const [form] = mail.attachments;
    expect(form.contentType).toBe('application/pdf');
    expect(form.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { bytes: form.content, text: POPPLER_INSTALLED ? pdftotext(form.content) : null };
  }

  /** The forms of one kind attached to the file, once the worker (or the mail job) has stored them. */
  const storedForms = (applicationId: string, kind: string) =>
    stack.apiDataSource
      .getRepository(Attachment)
      .find({ where: { applicationId, documentName: `form:${kind}` }, order: { uploadedAt: 'ASC' } });

  async function registerAtCounter(applicant: Record<string, unknown>, businessName?: string) {
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant,
        formData: householdForm(String(applicant.nationalId), businessName),
      },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    return registered.body;
  }

  it('mails the citizen the receipt, the decision and the result in their language, each exactly once', async () => {
    stack.freezeClock(localTime('2027-03-08T08:30:00'));
    const me = await request<{ nationalId: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(citizen) });
    const draft = await apps.create(citizen, HOUSEHOLD, householdForm(me.body.nationalId, SCRIPT));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = (fullId = draft.body.id);
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, 'PG-1');
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);

    stack.freezeClock(localTime('2027-03-08T09:00:00'));
    const received = await apps.act(clerk, id, 'receive');
    expect(received.status).toBe(200);
    const code = (codes.full = received.body.code!);
    expect(addWorkingHoursByHand(localTime('2027-03-08T09:00:00'), 24)).toEqual(
      localTime('2027-03-11T09:00:00'),
    );
    // The code was given at submission: its acknowledgement came first (docs/notifications.md).
    const mailTitled = (subject: string) =>
      eventually(async () => mailAbout(citizenEmail, code).find((mail) => mail.subject === subject));
    await mailTitled(`Application ${code} submitted`);
    const receipt = await mailTitled(`Application ${code} received`);
    expect(receipt).toMatchObject({
      to: [citizenEmail],
      from: 'no-reply@onegate.local',
      subject: `Application ${code} received`,
      language: 'en',
    });
    expect(receipt.text).toContain(`Receipt code: ${code}`);
    expect(receipt.text).toContain('Result due: 11/03/2027 at 09:00');
    expect(receipt.text).toContain(`Business name: ${SCRIPT}`);
    expect(receipt.html).toContain(`Business name: ${ESCAPED_SCRIPT}`);
    expect(receipt.html).not.toContain('<script');
    expect(receipt.text).toContain('National ID number: ••••••••');
    expect(receipt.text).not.toContain(me.body.nationalId);
    // It carries the receipt and appointment slip: the very file stored with the application.
    const slip = formIn(receipt, `giay-tiep-nhan-hen-tra-${code}.pdf`);
    if (slip.text !== null) expect(slip.text).toContain(code);
    expect(receipt.text).toContain(
      `The receipt and appointment slip is attached to this message: giay-tiep-nhan`,
    );
    const [storedSlip] = await storedForms(id, 'receipt');
    expect(storedSlip.sha256).toBe(sha256(slip.bytes));

    stack.freezeClock(localTime('2027-03-10T10:00:00'));
    expect((await apps.act(clerk, id, 'approve')).status).toBe(200);
    const decision = await mailTitled(`A decision on application ${code}`);
    expect(decision.subject).toBe(`A decision on application ${code}`);
    expect(decision.text).toContain('Decision: approved');
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined));
    stack.freezeClock(localTime('2027-03-10T10:05:00'));
    expect((await apps.act(clerk, id, 'return')).status).toBe(200);
    const result = await mailTitled(`The result of application ${code} is ready`);
    expect(result.subject).toBe(`The result of application ${code} is ready`);
    expect(decision.attachments).toEqual([]);
    // The result is small enough to travel with its e-mail (MAIL_RESULT_ATTACHMENT_KB).
    expect(result.attachments.map((attachment) => attachment.filename)).toEqual([`ket-qua-${code}.pdf`]);
    expect(result.text).toContain('returned online at 10/03/2027 at 10:05');

    await notificationsSettled();
    const stored = await notificationsOf(id);
    // The acknowledgement of the submission is one of them, and the receipt of the draft's payment
    // (docs/payments.md), in no fixed order with the others.
    expect(stored.filter((row) => row.kind === 'file_submitted')).toHaveLength(1);
    const told = stored.filter((row) => row.kind !== 'file_submitted');
    expect(told.map((row) => [row.kind, row.language, row.emailStatus]).sort()).toEqual([
      ['decision_made', 'en', 'sent'],
      ['fee_paid', 'en', 'sent'],
      ['file_received', 'en', 'sent'],
      ['result_ready', 'en', 'sent'],
    ]);

    // The same jobs delivered again (under new BullMQ ids, so only OneGate's own key can stop them).
    for (const row of stored) {
      await runJob(
        JobName.SendNotification,
        {
          key: row.notificationKey,
          kind: row.kind,
          applicationId: id,
          recipient: { userId: row.recipientUserId! },
          facts: {},
        },
        `again-${row.id}`,
      );
    }
    await notificationsSettled();
    const aboutFiles = catcher.to(citizenEmail).filter((mail) => !mail.text.includes('/verify-email?token='));
    expect(aboutFiles).toHaveLength(5);
    expect(await notificationsOf(id)).toHaveLength(5);
  });

  it('mails a counter applicant without an account in Vietnamese, escaped, and exactly once more after a worker is killed mid-send', async () => {
    stack.freezeClock(localTime('2027-03-09T14:00:00'));
    const walkIn = newCitizen();
    walkInEmail = walkIn.email;
    const registered = await registerAtCounter(
      { nationalId: walkIn.nationalId, fullName: 'Phạm Văn Khách', email: walkIn.email },
      SCRIPT,
    );
    const code = (codes.walkIn = registered.code!);
    const receipt = await eventually(async () => mailAbout(walkInEmail, code)[0]);
    expect(receipt).toMatchObject({ subject: `Hồ sơ ${code} đã được tiếp nhận`, language: 'vi' });
    expect(receipt.text).toContain('Kính gửi Phạm Văn Khách,');
    expect(receipt.text).toContain(`Mã hồ sơ: ${code}`);
    expect(receipt.text).toContain('Hẹn trả kết quả: 14:00 ngày 12/03/2027');
    expect(receipt.html).toContain(ESCAPED_SCRIPT);
    expect(receipt.html).not.toContain('<script');

    await notificationsSettled();
    const [stored] = await notificationsOf(registered.id);
    expect(stored).toMatchObject({ recipientUserId: null, recipientEmail: walkInEmail, emailStatus: 'sent' });
    const again: JobPayloads[JobName.SendNotification] = {
      key: stored.notificationKey,
      kind: 'file_received',
      applicationId: registered.id,
      recipient: { email: walkInEmail, language: 'vi' },
      facts: {},
    };
    const rows = stack.apiDataSource.getRepository(Notification);

    // A worker was killed while sending. While its claim is recent, a redelivered job does not send
    // (the first send may still be running) and fails, to be retried later.
    await rows.update({ id: stored.id }, { emailStatus: 'sending', emailSentAt: new Date() });
    const killed = await jobs().dispatch(JobName.SendNotification, again, {
      jobId: 'killed-mid-send',
      attempts: 1,
    });
    const refusal = await eventually(
      async () => (await jobs().queueOf(JobName.SendNotification).getJob(killed))?.failedReason || undefined,
    );
    expect(refusal).toMatch(/being sent/);
    expect(mailAbout(walkInEmail, code)).toHaveLength(1);
    // Once the claim is older than any send can last, the retried job sends it, once.
    await rows.update({ id: stored.id }, { emailSentAt: new Date(Date.now() - SEND_LEASE_MS - 1_000) });
    await runJob(JobName.SendNotification, again, 'retried-after-kill');
    await runJob(JobName.SendNotification, again, 'retried-twice');
    expect(mailAbout(walkInEmail, code)).toHaveLength(2);
    expect((await rows.findOneByOrFail({ id: stored.id })).emailStatus).toBe('sent');

    // A worker died after storing it but before taking the e-mail: the redelivered job sends it, once.
    await rows.update({ id: stored.id }, { emailStatus: 'pending' });
    await runJob(JobName.SendNotification, again, 'crashed-before-send');
    await runJob(JobName.SendNotification, again, 'delivered-twice');
    expect(mailAbout(walkInEmail, code)).toHaveLength(3);
    expect((await rows.findOneByOrFail({ id: stored.id })).emailStatus).toBe('sent');
    // Every send carried the same stored slip, byte for byte.
    const slips = mailAbout(walkInEmail, code).map((mail) =>
      sha256(formIn(mail, `giay-tiep-nhan-hen-tra-${code}.pdf`).bytes),
    );
    const [storedSlip] = await storedForms(registered.id, 'receipt');
    expect(slips).toEqual([storedSlip.sha256, storedSlip.sha256, storedSlip.sha256]);
    expect(stored.attachmentId).toBe(storedSlip.id);
  });

  it('lists each user only their own notifications, newest first, unread ones on request, and marks them read', async () => {
    const inbox = (tokens: Tokens, query = '') =>
      request<NotificationPage>(`${stack.apiUrl}/api/notifications${query}`, { headers: bearer(tokens) });
    const mine = await inbox(citizen);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 5, unread: 5 });
    // The acknowledgement, the payment's receipt and the reception may share a moment (the clock is frozen).
    const kinds = mine.body.items.map((item) => item.kind);
    expect(kinds.slice(0, 2)).toEqual(['result_ready', 'decision_made']);
    expect(kinds.slice(2).sort()).toEqual(['fee_paid', 'file_received', 'file_submitted']);
    expect(mine.body.items.map((item) => item.subject)).toContain(`Application ${codes.full} received`);
    expect((await inbox(citizen, '?page=2&pageSize=2')).body.items).toHaveLength(2);
    expect((await inbox(citizen, '?page=3&pageSize=2')).body.items).toHaveLength(1);

    const demoCitizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    const theirs = await inbox(demoCitizen);
    expect(theirs.body.items.map((item) => item.id)).not.toEqual(
      expect.arrayContaining([mine.body.items[0].id]),
    );

    const first = mine.body.items[0];
    const read = await request<{ readAt: string }>(`${stack.apiUrl}/api/notifications/${first.id}/read`, {
      method: 'POST',
      headers: bearer(citizen),
    });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const readAgain = await request<{ readAt: string }>(
      `${stack.apiUrl}/api/notifications/${first.id}/read`,
      {
        method: 'POST',
        headers: bearer(citizen),
      },
    );
    expect(readAgain.body.readAt).toBe(read.body.readAt);

    const unread = await inbox(citizen, '?unread=true');
    expect(unread.body).toMatchObject({ total: 4, unread: 4 });
    expect(unread.body.items.map((item) => item.id)).not.toContain(first.id);
    expect((await inbox(citizen)).body.items[0].readAt).toBe(read.body.readAt);

    const someoneElses = await request(`${stack.apiUrl}/api/notifications/${mine.body.items[1].id}/read`, {
      method: 'POST',
      headers: bearer(demoCitizen),
    });
    expect(someoneElses.status).toBe(404);
    expect((await inbox(citizen, '?unread=true')).body.unread).toBe(4);
    const unknown = await request(
      `${stack.apiUrl}/api/notifications/00000000-0000-4000-8000-000000000000/read`,
      {
        method: 'POST',
        headers: bearer(citizen),
      },
    );
    expect(unknown.status).toBe(404);
    expect((await request(`${stack.apiUrl}/api/notifications`)).status).toBe(401);
    expect((await inbox(citizen, '?unread=maybe')).status).toBe(400);
  });

  it('alerts the assignee and the supervisors once when a file is due soon and once when it is overdue', async () => {
    const receivedAt = localTime('2027-03-15T09:00:00'); // a Monday
    stack.freezeClock(receivedAt);
    const file = await registerAtCounter({ nationalId: newCitizen().nationalId, fullName: 'Hoàng Văn Hạn' });
    const code = (codes.deadline = file.code!);
    const dueAt = localTime('2027-03-18T09:00:00');
    expect(file.dueAt).toBe(dueAt.toISOString());
    const clerkId = (await request<{ id: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(clerk) })).body
      .id;
    expect((await apps.act(clerk, file.id, 'assign', { assigneeId: clerkId })).status).toBe(200);
    const paused = await registerAtCounter({ nationalId: newCitizen().nationalId, fullName: 'Đỗ Thị Chờ' });
    stack.freezeClock(localTime('2027-03-15T10:00:00'));
    const asked = await apps.act(clerk, paused.id, 'request_supplement', {
      reason: 'Thiếu giấy tờ',
      missingDocuments: ['Hợp đồng thuê nhà'],
    });
    expect(asked.status).toBe(200);

    // Delayed checks for the moment it becomes due soon (one working day left) and for its due time.
    // They reach the queue through the outbox, so their delay counts from when the relay moved them.
    const checks = jobs().queueOf(JobName.CheckDeadline);
    const dueSoonCheck = await eventually(
      async () => (await checks.getJob(`${file.id}|due_soon|${dueAt.getTime()}`)) ?? undefined,
    );
    const overdueCheck = await eventually(
      async () => (await checks.getJob(`${file.id}|overdue|${dueAt.getTime()}`)) ?? undefined,
    );
    const relayLag = 10_000;
    const expectedDueSoon = localTime('2027-03-17T09:00:00').getTime() - receivedAt.getTime();
    const expectedOverdue = dueAt.getTime() + 1_000 - receivedAt.getTime();
    expect(dueSoonCheck.opts.delay).toBeGreaterThan(expectedDueSoon - relayLag);
    expect(dueSoonCheck.opts.delay).toBeLessThanOrEqual(expectedDueSoon);
    expect(overdueCheck.opts.delay).toBeGreaterThan(expectedOverdue - relayLag);
    expect(overdueCheck.opts.delay).toBeLessThanOrEqual(expectedOverdue);

    const alertsOf = async (kind: string) =>
      (await notificationsOf(file.id))
        .filter((row) => row.kind === kind)
        .map((row) => row.recipientEmail)
        .sort();

    // Wednesday 08:59: one working day and a minute are left.
    stack.freezeClock(localTime('2027-03-17T08:59:00'));
    await runJob(JobName.ScanDeadlines, {});
    await notificationsSettled();
    expect(await notificationsOf(file.id)).toEqual([]);

    stack.freezeClock(localTime('2027-03-17T09:00:00'));
    await runJob(JobName.ScanDeadlines, {});
    await eventually(async () => (mailAbout(SUPERVISOR_EMAIL, code).length === 1 ? true : undefined));
    await eventually(async () => (mailAbout(CLERK_EMAIL, code).length === 1 ? true : undefined));
    expect(mailAbout(CLERK_EMAIL, code)[0]).toMatchObject({
      subject: `Sắp đến hạn: hồ sơ ${code}`,
      language: 'vi',
    });
    expect(mailAbout(CLERK_EMAIL, code)[0].text).toContain('Hạn giải quyết: 09:00 ngày 18/03/2027');
    await runJob(JobName.ScanDeadlines, {});
    await runJob(JobName.CheckDeadline, { applicationId: file.id });
    await notificationsSettled();
    expect(await alertsOf('due_soon')).toEqual([CLERK_EMAIL, SUPERVISOR_EMAIL]);
    expect(await alertsOf('overdue')).toEqual([]);

    // The delayed check at the due time (plus a second), then scans: overdue, once each.
    stack.freezeClock(localTime('2027-03-18T09:00:01'));
    await runJob(JobName.CheckDeadline, { applicationId: file.id });
    await eventually(async () => (mailAbout(SUPERVISOR_EMAIL, code).length === 2 ? true : undefined));
    await eventually(async () => (mailAbout(CLERK_EMAIL, code).length === 2 ? true : undefined));
    expect(mailAbout(SUPERVISOR_EMAIL, code)[1].subject).toBe(`Quá hạn: hồ sơ ${code}`);
    await runJob(JobName.ScanDeadlines, {});
    await runJob(JobName.ScanDeadlines, {});
    await notificationsSettled();
    expect(await alertsOf('overdue')).toEqual([CLERK_EMAIL, SUPERVISOR_EMAIL]);
    expect(mailAbout(SUPERVISOR_EMAIL, code)).toHaveLength(2);
    expect(mailAbout(CLERK_EMAIL, code)).toHaveLength(2);

    // The file waiting for a supplement has its clock paused: neither due soon nor overdue.
    expect(await notificationsOf(paused.id)).toEqual([]);
    // An alert that arrives after its file was decided no longer applies, and is dropped.
    await runJob(JobName.SendNotification, {
      key: `${fullId}:overdue:${clerkId}`,
      kind: 'overdue',
      applicationId: fullId,
      recipient: { userId: clerkId },
      facts: { dueAt: dueAt.toISOString() },
    });
    expect((await notificationsOf(fullId)).map((row) => row.kind)).not.toContain('overdue');
    // The counter file of the walk-in, never decided, was overdue too: its supervisor heard once.
    expect(mailAbout(SUPERVISOR_EMAIL, codes.walkIn).map((mail) => mail.subject)).toEqual([
      `Quá hạn: hồ sơ ${codes.walkIn}`,
    ]);
  });

  it('sends each supervisor their counts of the last week, once', async () => {
    stack.freezeClock(localTime('2027-03-22T07:00:00'));
    await runJob(JobName.WeeklyDigest, {});
    await runJob(JobName.WeeklyDigest, {});
    await notificationsSettled();
    const digests = catcher.to(SUPERVISOR_EMAIL).filter((mail) => mail.subject.startsWith('Tổng hợp tuần'));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Tổng hợp tuần 2027-03-15 – 2027-03-21: UBND tỉnh Quảng Ninh');
    // Received that week: the two files of the deadline test; overdue now: that one and the walk-in's.
    expect(digests[0].text).toContain(
      '- Tiếp nhận: 2\n- Đã giải quyết: 0\n- Giải quyết đúng hạn: 0\n- Đang quá hạn: 2',
    );
    const inbox = await request<NotificationPage>(`${stack.apiUrl}/api/notifications?pageSize=100`, {
      headers: bearer(supervisor),
    });
    expect(inbox.body.items.filter((item) => item.kind === 'weekly_digest')).toHaveLength(1);
  });

  it('alerts about an imported file only for the thresholds it crosses after the import', async () => {
    const importedAt = localTime('2027-06-07T10:00:00'); // a Monday
    stack.freezeClock(importedAt);
    // Received in April and never decided: overdue long before it reached OneGate.
    const stale = recordLine('QN-STP-270401-0001', [
      event('submit', '2027-04-01T08:30:00'),
      event('receive', '2027-04-01T09:00:00'),
    ]);
    // Received this morning: ten working days left.
    const fresh = recordLine('QN-STP-270607-0001', [
      event('submit', '2027-06-07T09:00:00'),
      event('receive', '2027-06-07T09:30:00'),
    ]);
    const answer = await importLines(stack.apiUrl, admin, [stale, fresh]);
    // No official schedule of 2027 is loaded: the answer says so (docs/working-time.md).
    expect(answer.body).toEqual({
      imported: 2,
      skipped: 0,
      rejected: [],
      warnings: [expect.objectContaining({ kind: 'no_official_schedule', years: [2027] })],
    });
    const stored = await stack.apiDataSource
      .getRepository(Application)
      .find({ where: { code: In([stale.code, fresh.code]) }, order: { code: 'ASC' } });
    expect(stored.map((file) => [file.code, file.state, file.importedAt])).toEqual([
      [stale.code, 'received', importedAt],
      [fresh.code, 'received', importedAt],
    ]);
    const [staleFile, freshFile] = stored;
    expect(staleFile.dueAt!.getTime()).toBeLessThan(importedAt.getTime());
    // The scan does not read the file imported overdue again: it stays overdue.
    const watched = await new ApplicationWatchRepository(stack.apiDataSource).alertableDueBy(
      new Date(freshFile.dueAt!.getTime() + 1),
      500,
      null,
    );
    expect(watched.map((file) => file.code)).toContain(fresh.code);
    expect(watched.map((file) => file.code)).not.toContain(stale.code);

    // Scans at the import and a month later: the file that came in overdue alerts nobody.
    await runJob(JobName.ScanDeadlines, {});
    stack.freezeClock(new Date(freshFile.dueAt!.getTime() + 60_000));
    await runJob(JobName.ScanDeadlines, {});
    await notificationsSettled();
    expect(await notificationsOf(staleFile.id)).toEqual([]);
    expect(mailAbout(SUPERVISOR_EMAIL, stale.code)).toEqual([]);
    // The other went overdue in OneGate: its supervisor hears, as of any file.
    expect((await notificationsOf(freshFile.id)).map((row) => [row.kind, row.recipientEmail])).toEqual([
      ['overdue', SUPERVISOR_EMAIL],
    ]);
    await eventually(async () => (mailAbout(SUPERVISOR_EMAIL, fresh.code).length === 1 ? true : undefined));
    expect(mailAbout(SUPERVISOR_EMAIL, fresh.code)[0].subject).toBe(`Quá hạn: hồ sơ ${fresh.code}`);
  });

  it('sends the supplement request, the apology letter and the refusal notice as the PDFs stored with the file', async () => {
    const account = newCitizen({ fullName: 'Lý Thị Bổ Sung' });
    const applicant = await registerVerified(stack.apiUrl, catcher, account);
    async function submitted() {
      const draft = await apps.create(applicant, HOUSEHOLD, householdForm(account.nationalId));
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      expect((await apps.upload(applicant, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
      await confirmOnlinePayment(stack, draft.body.id, 'PG-7');
      expect((await apps.act(applicant, draft.body.id, 'submit')).status).toBe(200);
      return draft.body.id;
    }
    const mailsWith = (words: string) =>
      catcher.to(account.email).filter((mail) => mail.subject.includes(words));

    stack.freezeClock(localTime('2027-03-23T09:00:00'));
    const id = await submitted();
    const code = (await apps.act(clerk, id, 'receive')).body.code!;
    await eventually(async () => mailAbout(account.email, code)[0]);
    stack.freezeClock(localTime('2027-03-23T10:00:00'));
    const asked = await apps.act(clerk, id, 'request_supplement', {
      reason: 'Ảnh chụp giấy tờ không rõ',
      missingDocuments: ['Bản sao hợp đồng thuê nhà'],
    });
    expect(asked.status).toBe(200);
    const supplementMail = await eventually(async () => mailsWith(`${code} cần bổ sung`)[0]);
    const supplementRequest = formIn(supplementMail, `phieu-yeu-cau-bo-sung-${code}.pdf`);
    if (supplementRequest.text !== null) {
      expect(supplementRequest.text).toContain(code);
      expect(supplementRequest.text).toContain('Bản sao hợp đồng thuê nhà');
    }
    const extended = await apps.act(clerk, id, 'extend', {
      reason: 'Cần xác minh thêm',
      appointmentAt: localTime('2027-03-30T09:00:00').toISOString(),
    });
    expect(extended.status).toBe(200);
    const apologyMail = await eventually(async () => mailsWith(`chậm giải quyết hồ sơ ${code}`)[0]);
    const letter = formIn(apologyMail, `phieu-xin-loi-hen-lai-${code}.pdf`);
    if (letter.text !== null) expect(letter.text).toContain('30/03/2027');

    const refusedId = await submitted();
    const refused = await apps.act(clerk, refusedId, 'refuse', { reason: `Sai thủ tục ${SCRIPT}` });
    expect(refused.status).toBe(200);
    // Refused at reception, it keeps the code it was given at submission, which names its form.
    const refusedCode = refused.body.code!;
    const refusalMail = await eventually(async () => mailsWith('không được tiếp nhận')[0]);
    expect(refusalMail.text).toContain(`Lý do: Sai thủ tục ${SCRIPT}`);
    expect(refusalMail.html).toContain(`Lý do: Sai thủ tục ${ESCAPED_SCRIPT}`);
    const notice = formIn(refusalMail, `phieu-tu-choi-${refusedCode}.pdf`);
    if (notice.text !== null) expect(notice.text).toContain('Sai thủ tục <script>');

    // Each mail carried exactly the form stored with its file.
    await notificationsSettled();
    const stored = await Promise.all([
      storedForms(id, 'supplement-request'),
      storedForms(id, 'apology'),
      storedForms(refusedId, 'refusal'),
    ]);
    expect(stored.map((forms) => forms.map((form) => form.sha256))).toEqual(
      [supplementRequest, letter, notice].map((form) => [sha256(form.bytes)]),
    );

    // A mail job that runs before its form job renders the form itself, once, and sends that file.
    const events = stack.apiDataSource.getRepository(ApplicationEvent);
    const askedEvent = await events.findOneByOrFail({ applicationId: id, type: 'request_supplement' });
    const [requestForm] = stored[0];
    await stack.apiDataSource.getRepository(Attachment).delete({ id: requestForm.id });
    await runJob(JobName.SendNotification, {
      key: `${id}:supplement_requested:early`,
      kind: 'supplement_requested',
      applicationId: id,
      recipient: { userId: (await notificationsOf(id))[0].recipientUserId! },
      facts: { reason: 'Ảnh chụp giấy tờ không rõ', missingDocuments: ['Bản sao hợp đồng thuê nhà'] },
      form: { kind: 'supplement-request', eventId: askedEvent.id },
    });
    const early = await eventually(async () => mailsWith(`${code} cần bổ sung`)[1]);
    const rendered = formIn(early, `phieu-yeu-cau-bo-sung-${code}.pdf`);
    const [again] = await storedForms(id, 'supplement-request');
    expect(again.id).toBe(requestForm.id);
    expect(sha256(rendered.bytes)).toBe(again.sha256);
    await runJob(JobName.RenderForm, { applicationId: id, form: 'supplement-request' });
    expect(await storedForms(id, 'supplement-request')).toHaveLength(1);
  });

  it('previews every mail template, and shows the outbox, to administrators only', async () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const lang of ['vi', 'en']) {
        const preview = await request<{ subject: string; html: string; text: string; file: string }>(
          `${stack.apiUrl}/api/admin/mail/preview/${kind}?lang=${lang}`,
          { headers: bearer(admin) },
        );
        expect(preview.status, `${kind} ${lang}`).toBe(200);
        expect(preview.body.file).toBe(`${kind}.${lang}.hbs`);
        expect(preview.body.subject.length).toBeGreaterThan(5);
        expect(preview.body.html).toContain(`<html lang="${lang}">`);
      }
    }
    const preview = `${stack.apiUrl}/api/admin/mail/preview/file_received`;
    expect((await request(preview)).status).toBe(401);
    for (const tokens of [clerk, supervisor, citizen]) {
      expect((await request(preview, { headers: bearer(tokens) })).status).toBe(403);
      expect(
        (await request(`${stack.apiUrl}/api/admin/mail/outbox`, { headers: bearer(tokens) })).status,
      ).toBe(403);
    }
    expect((await request(`${preview}?lang=fr`, { headers: bearer(admin) })).status).toBe(400);
    expect(
      (await request(`${stack.apiUrl}/api/admin/mail/preview/no_such_mail`, { headers: bearer(admin) }))
        .status,
    ).toBe(404);
    // With SMTP_URL set there is no development sink: the outbox is empty.
    const outbox = await request(`${stack.apiUrl}/api/admin/mail/outbox`, { headers: bearer(admin) });
    expect(outbox.status).toBe(200);
    expect(outbox.body).toMatchObject({ items: [], total: 0 });
  });
});

describe(`development mail sink (${testDatabaseKind()})`, () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(() => stack?.stop());

  it('catches what the worker sends when no SMTP_URL is set, and shows it to administrators', async () => {
    expect(stack.config.smtpUrl).toBeNull();
    const password = stack.config.demoPassword!;
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    const walkIn = newCitizen();
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: walkIn.nationalId, fullName: 'Vũ Văn Hộp Thư', email: walkIn.email },
        formData: householdForm(walkIn.nationalId),
      },
    });
    expect(registered.status).toBe(201);
    const code = registered.body.code!;
    type Outbox = { items: { to: string[]; from: string; subject: string; text: string; html: string }[] };
    const caught = await eventually(async () => {
      const outbox = await request<Outbox>(`${stack.apiUrl}/api/admin/mail/outbox`, {
        headers: bearer(admin),
      });
      return outbox.body.items.find((mail) => mail.to.includes(walkIn.email));
    });
    expect(caught).toMatchObject({
      from: 'no-reply@onegate.local',
      subject: `Hồ sơ ${code} đã được tiếp nhận`,
    });
    expect(caught.text).toContain(`Mã hồ sơ: ${code}`);
    expect(caught.html).toContain(code);
    const asClerk = await request(`${stack.apiUrl}/api/admin/mail/outbox`, { headers: bearer(clerk) });
    expect(asClerk.status).toBe(403);
  });
});
