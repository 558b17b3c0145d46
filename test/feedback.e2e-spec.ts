import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import type { Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { confirmOnlinePayment } from './support/payments';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

interface FeedbackBody {
  id: string;
  code: string;
  kind: string;
  agencyCode: string;
  applicationId: string | null;
  aspect: string | null;
  complaint: boolean;
  subject: string;
  body: string;
  contact: string | null;
  filedAt: string;
  dueAt: string;
  overdue: boolean;
  answeredAt: string | null;
  answeredBy?: string | null;
  answeredByRole: string | null;
  answer: string | null;
  answeredLate: boolean | null;
  rating: string | null;
  secret?: string;
  message?: string;
  details?: { field: string; problems: string[] }[];
}

const LATE_BODY = 'Hồ sơ của tôi đã quá hạn hai tuần mà chưa ai liên hệ.';
const ON_TIME_BODY = 'Đề nghị bố trí thêm chỗ ngồi chờ tại bộ phận một cửa.';
const ANONYMOUS_BODY = 'Cán bộ tiếp nhận hướng dẫn chưa rõ ràng về giấy tờ.';
const ANSWER = 'Hồ sơ đã được giải quyết; xin lỗi ông/bà vì sự chậm trễ.';
/** Monday 2 November 2026, 09:00 and 10:00 in Quảng Ninh; no day off that week. */
const LATE_FILED = new Date('2026-11-02T09:00:00+07:00');
const ON_TIME_FILED = new Date('2026-11-02T10:00:00+07:00');
/** One working day (8 h) later on 08:00–12:00, 13:00–17:00: 3 h + 4 h that Monday, 1 h on Tuesday. */
const LATE_DUE = '2026-11-03T02:00:00.000Z';
const ON_TIME_DUE = '2026-11-03T03:00:00.000Z';
const CODE = /^(PA|KN)-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/**
 * Citizens' feedback and petitions (docs/feedback.md): filed about a file or an agency, signed in or
 * anonymously; due in the agency's working days; answered once by its staff, on time or late; rated
 * once by its author; overdue feedback alerts the agency; only the author and the agency's staff read it.
 */
describe(`feedback and petitions (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let clerk: Tokens;
  let supervisor: Tokens;
  let admin: Tokens;
  let otherAgencyClerk: Tokens;
  let author: Tokens;
  let stranger: Tokens;
  let applicationId = '';
  let late: FeedbackBody;
  let onTime: FeedbackBody;
  let clerkId = '';

  const call = (path: string, tokens: Tokens | null, method = 'GET', body?: unknown) =>
    request<FeedbackBody>(`${stack.apiUrl}${path}`, {
      method,
      headers: tokens ? bearer(tokens) : {},
      ...(body === undefined ? {} : { body }),
    });
  const file = (tokens: Tokens, body: Record<string, unknown>) => call('/api/feedback', tokens, 'POST', body);
  const fieldsOf = (body: FeedbackBody) => (body.details ?? []).map((detail) => detail.field);
  const inbox = async (tokens: Tokens) =>
    (
      await request<{ items: { kind: string; text: string }[] }>(`${stack.apiUrl}/api/notifications`, {
        headers: bearer(tokens),
      })
    ).body.items;

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({ ...config, smtpUrl: catcher.url, authRateLimit: 10_000 } as AppConfig),
    });
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    otherAgencyClerk = await createStaff(stack.apiUrl, admin, {
      email: 'tuphap.phananh@qn.gov.vn',
      fullName: 'Cán bộ Sở Tư pháp',
      role: 'clerk',
      agencyCode: 'QN-STP',
      password: 'Justice desk feedback 2026',
    });
    clerkId = (await request<{ id: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(clerk) })).body.id;
    const applicant = newCitizen();
    author = await registerVerified(stack.apiUrl, catcher, applicant);
    stranger = await registerVerified(stack.apiUrl, catcher, newCitizen());
    const apps = new ApplicationsClient(stack.apiUrl);
    const draft = await apps.create(author, HOUSEHOLD, {
      ...HOUSEHOLD_FORM,
      nationalId: applicant.nationalId,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    applicationId = draft.body.id;
    expect((await apps.upload(author, applicationId, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, applicationId, 'PG-FEEDBACK');
    expect((await apps.act(author, applicationId, 'submit')).status).toBe(200);
  });

  afterAll(async () => {
    stack?.freezeClock(null);
    await stack?.stop();
    await catcher?.stop();
  });

  it('refuses bad feedback in plain words naming the field, and anonymous feedback about a file', async () => {
    const empty = await file(author, { kind: 'feedback', applicationId, subject: '', body: 'ngắn' });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(expect.arrayContaining(['subject', 'body', 'aspect']));
    const kind = await file(author, {
      kind: 'complaint',
      agencyCode: 'QN-HL',
      subject: 'Góp ý',
      body: ON_TIME_BODY,
    });
    expect(kind.status).toBe(400);
    expect(fieldsOf(kind.body)).toContain('kind');
    const notMine = await file(stranger, {
      kind: 'feedback',
      applicationId,
      aspect: 'lateness',
      subject: 'Chậm trễ',
      body: LATE_BODY,
    });
    expect(notMine.status).toBe(400);
    expect(fieldsOf(notMine.body)).toEqual(['applicationId']);
    const noAgency = await file(author, {
      kind: 'feedback',
      agencyCode: 'NOPE',
      subject: 'Góp ý',
      body: ON_TIME_BODY,
    });
    expect(fieldsOf(noAgency.body)).toEqual(['agencyCode']);
    const aboutFile = await call('/api/feedback/anonymous', null, 'POST', {
      kind: 'feedback',
      agencyCode: 'QN-HL',
      applicationId,
      subject: 'Chậm trễ',
      body: LATE_BODY,
      contact: 'not a contact',
    });
    expect(aboutFile.status).toBe(400);
    expect(fieldsOf(aboutFile.body)).toEqual(expect.arrayContaining(['applicationId', 'contact']));
    expect(await stack.apiDataSource.query('SELECT id FROM feedback')).toEqual([]);
  });

  it('sets an agency’s own time to answer, in working days', async () => {
    const bad = await call('/api/admin/agencies/QN-HL/feedback-days', admin, 'PUT', { feedbackDays: 0 });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['feedbackDays']);
    const set = await call('/api/admin/agencies/QN-HL/feedback-days', admin, 'PUT', { feedbackDays: 1 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ feedbackDays: 1 });
    expect(
      (await call('/api/admin/agencies/QN-HL/feedback-days', clerk, 'PUT', { feedbackDays: 2 })).status,
    ).toBe(403);
  });

  it('answers feedback on time when staff answer before its due time', async () => {
    stack.freezeClock(ON_TIME_FILED);
    const filed = await file(author, {
      kind: 'petition',
      agencyCode: 'QN-HL',
      subject: 'Chỗ ngồi chờ',
      body: ON_TIME_BODY,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    onTime = filed.body;
    expect(onTime.code).toMatch(/^KN-/);
    expect(onTime.dueAt).toBe(ON_TIME_DUE);
    expect(onTime.complaint).toBe(false);
    stack.freezeClock(new Date('2026-11-02T15:00:00+07:00'));
    const answered = await call(`/api/staff/feedback/${onTime.id}/answer`, clerk, 'POST', { answer: ANSWER });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.answeredLate).toBe(false);
    stack.freezeClock(null);
    const rated = await call(`/api/feedback/${onTime.id}/rating`, author, 'POST', { rating: 'satisfied' });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toBe('satisfied');
  });

  it('files a complaint about a file, due one working day later, and alerts the agency once it is overdue', async () => {
    stack.freezeClock(LATE_FILED);
    const filed = await file(author, {
      kind: 'feedback',
      applicationId,
      aspect: 'lateness',
      subject: 'Hồ sơ chậm',
      body: LATE_BODY,
    });
    stack.freezeClock(null);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    late = filed.body;
    expect(late.code).toMatch(CODE);
    expect(late.code).toMatch(/^PA-/);
    expect(late.agencyCode).toBe('QN-HL');
    expect(late.dueAt).toBe(LATE_DUE);
    expect(late.complaint).toBe(true);
    // Not overdue at the time it was filed; it is now.
    expect(late.overdue).toBe(false);
    expect((await call(`/api/feedback/${late.id}`, author)).body.overdue).toBe(true);

    const alerted = await eventually(async () => {
      const alerts = (await inbox(clerk)).filter((item) => item.kind === 'feedback_overdue');
      return alerts.length > 0 ? alerts : undefined;
    }, 30_000);
    expect(alerted).toHaveLength(1);
    expect(alerted[0]!.text).toContain(late.code);
    expect(alerted[0]!.text).not.toContain(LATE_BODY);
    await eventually(async () =>
      (await inbox(supervisor)).some((item) => item.kind === 'feedback_overdue') ? true : undefined,
    );
    expect((await inbox(otherAgencyClerk)).filter((item) => item.kind === 'feedback_overdue')).toEqual([]);
    // The answered item's check found nothing to say.
    expect((await inbox(clerk)).filter((item) => item.kind === 'feedback_overdue')).toHaveLength(1);
  });

  it('lets only the author and the agency’s staff read it, and keeps its text sealed at rest', async () => {
    for (const reader of [author, clerk, supervisor, admin]) {
      const read = await call(`/api/feedback/${late.id}`, reader);
      expect(read.status).toBe(200);
      expect(read.body.body).toBe(LATE_BODY);
    }
    expect((await call(`/api/feedback/${late.id}`, stranger)).status).toBe(404);
    expect((await call(`/api/feedback/${late.id}`, otherAgencyClerk)).status).toBe(404);
    expect((await call(`/api/staff/feedback/${late.id}`, otherAgencyClerk)).status).toBe(404);
    expect((await call(`/api/feedback/${late.id}`, null)).status).toBe(401);
    expect((await call('/api/staff/feedback', author)).status).toBe(403);
    const mine = await request<FeedbackBody[]>(`${stack.apiUrl}/api/feedback`, { headers: bearer(author) });
    // Newest filed first: the petition was filed an hour after the complaint.
    expect(mine.body.map((item) => item.id)).toEqual([onTime.id, late.id]);
    expect(
      (await request<FeedbackBody[]>(`${stack.apiUrl}/api/feedback`, { headers: bearer(stranger) })).body,
    ).toEqual([]);
    const stored = (await stack.apiDataSource.query('SELECT subject, body FROM feedback')) as {
      subject: string;
      body: string;
    }[];
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.body).toMatch(/^v1:/);
      expect(row.subject).toMatch(/^v1:/);
    }
    expect(JSON.stringify(stored)).not.toContain('quá hạn');
  });

  it('queues overdue feedback first, answers it once and late, and the author rates it once', async () => {
    const queue = await request<FeedbackBody[]>(`${stack.apiUrl}/api/staff/feedback`, {
      headers: bearer(clerk),
    });
    expect(queue.status).toBe(200);
    expect(queue.body.map((item) => item.id)).toEqual([late.id, onTime.id]);
    expect(queue.body[0]!.overdue).toBe(true);
    expect(
      (
        await request<FeedbackBody[]>(`${stack.apiUrl}/api/staff/feedback`, {
          headers: bearer(otherAgencyClerk),
        })
      ).body,
    ).toEqual([]);

    const early = await call(`/api/feedback/${late.id}/rating`, author, 'POST', { rating: 'satisfied' });
    expect(early.status).toBe(409);
    expect(
      (await call(`/api/staff/feedback/${late.id}/answer`, clerk, 'POST', { answer: '  ' })).status,
    ).toBe(400);
    expect(
      (await call(`/api/staff/feedback/${late.id}/answer`, otherAgencyClerk, 'POST', { answer: ANSWER }))
        .status,
    ).toBe(404);
    const answered = await call(`/api/staff/feedback/${late.id}/answer`, clerk, 'POST', { answer: ANSWER });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.answeredLate).toBe(true);
    expect(answered.body.answeredBy).toBe(clerkId);
    expect(answered.body.answeredByRole).toBe('clerk');
    expect(
      (await call(`/api/staff/feedback/${late.id}/answer`, supervisor, 'POST', { answer: ANSWER })).status,
    ).toBe(409);
    const seen = await call(`/api/feedback/${late.id}`, author);
    expect(seen.body.answer).toBe(ANSWER);
    expect(seen.body.answeredBy).toBeUndefined();
    await eventually(async () =>
      (await inbox(author)).some((item) => item.kind === 'feedback_answered' && item.text.includes(late.code))
        ? true
        : undefined,
    );
    expect(
      (await call(`/api/feedback/${late.id}/rating`, stranger, 'POST', { rating: 'satisfied' })).status,
    ).toBe(404);
    const rated = await call(`/api/feedback/${late.id}/rating`, author, 'POST', { rating: 'not_satisfied' });
    expect(rated.status).toBe(200);
    const again = await call(`/api/feedback/${late.id}/rating`, author, 'POST', { rating: 'satisfied' });
    expect(again.status).toBe(409);
    expect((await call(`/api/feedback/${late.id}`, author)).body.rating).toBe('not_satisfied');
  });

  it('takes anonymous feedback about an agency, followed by its code and secret, answered by e-mail', async () => {
    const filed = await call('/api/feedback/anonymous', null, 'POST', {
      kind: 'feedback',
      agencyCode: 'QN-HL',
      subject: 'Hướng dẫn chưa rõ',
      body: ANONYMOUS_BODY,
      contact: 'nguoidan.phananh@example.vn',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { code, secret, id } = filed.body;
    expect(code).toMatch(CODE);
    expect(secret).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/);
    expect((await call('/api/feedback/track', null, 'POST', { code, secret: 'WRONG' })).status).toBe(404);
    const followed = await call('/api/feedback/track', null, 'POST', { code, secret });
    expect(followed.status).toBe(200);
    expect(followed.body.body).toBe(ANONYMOUS_BODY);
    expect(followed.body.answer).toBeNull();
    expect((await call(`/api/feedback/${id}`, author)).status).toBe(404);
    expect(
      (await call('/api/feedback/track/rating', null, 'POST', { code, secret, rating: 'satisfied' })).status,
    ).toBe(409);
    expect(
      (await call(`/api/staff/feedback/${id}/answer`, supervisor, 'POST', { answer: ANSWER })).status,
    ).toBe(200);
    const mail = await eventually(async () =>
      catcher.to('nguoidan.phananh@example.vn').find((caught) => caught.subject.includes(code)),
    );
    expect(mail.text).toContain('/feedback/track');
    const rated = await call('/api/feedback/track/rating', null, 'POST', {
      code,
      secret,
      rating: 'satisfied',
    });
    expect(rated.status).toBe(200);
    expect(rated.body.answeredLate).toBe(false);
  });

  it('gives the feedback figures of a period by due date, computed by hand', async () => {
    const figures = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/feedback?from=2026-11-03&to=2026-11-03&agency=QN-HL`,
      { headers: bearer(supervisor) },
    );
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    // Due on 3 November: the petition answered on time and rated satisfied; the complaint answered
    // late and rated not satisfied. The anonymous item is due later and is not counted.
    expect(figures.body).toMatchObject({
      feedback: 2,
      handledOnTime: 1,
      handledLate: 1,
      unansweredOverdue: 0,
      ratedNotSatisfied: 1,
      notSatisfiedOrLate: 1,
      filesWithComplaint: 1,
      onTimeRate: 0.5,
      satisfiedRate: 0.5,
    });
    const elsewhere = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/feedback?from=2026-11-03&to=2026-11-03&agency=QN-STP`,
      { headers: bearer(supervisor) },
    );
    expect(elsewhere.body).toMatchObject({ feedback: 0, onTimeRate: null, satisfiedRate: null });
  });
});
