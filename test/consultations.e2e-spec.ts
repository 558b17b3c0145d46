import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import type { StaffAccount, Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { confirmOnlinePayment } from './support/payments';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const QUESTION = 'Does the shop front lie within the planned road widening?';
const ON_TIME_OPINION = 'No criminal record concerns the household head.';
const LATE_OPINION = 'The shop front is outside the planned widening.';
/** Long enough for the first agency to answer before it on a busy machine, short enough to wait out. */
const ANSWER_WINDOW_MS = 20_000;

const staff = (agencyCode: string, email: string): StaffAccount => ({
  email,
  fullName: `Cán bộ ${agencyCode}`,
  role: 'clerk',
  agencyCode,
  password: `Consulted desk ${agencyCode} 2026`,
});

interface ConsultationBody {
  id: string;
  agencyCode: string;
  question: string;
  answerDueAt: string;
  answeredAt: string | null;
  answeredBy: string | null;
  opinion: string | null;
  late: boolean;
}

interface FileBody {
  view?: string;
  state: string;
  dueAt?: string | null;
  version: number;
  allowedActions: string[];
  consultations?: ConsultationBody[];
  attachments?: { id: string }[];
  events?: { type: string; data: Record<string, unknown> }[];
  message?: string;
  details?: { field: string }[];
}

/**
 * Consultations between agencies (docs/applications.md, "Consultations"): the competent agency's clerk
 * asks two agencies; one answers on time, the other after its due time, which alerts the asking clerk
 * and the late agency's clerks. A consulted clerk sees the file without the applicant's personal data
 * and may only answer; an agency not consulted is told the file does not exist.
 */
describe(`consultations between agencies (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let clerk: Tokens;
  let supervisor: Tokens;
  let justice: Tokens;
  let construction: Tokens;
  let finance: Tokens;
  let agencyIds: Record<string, string>;
  let nationalId: string;
  let id = '';
  let dueAtBefore: string | null = null;
  let askedAt = 0;

  const file = (tokens: Tokens) =>
    request<FileBody>(`${stack.apiUrl}/api/applications/${id}`, { headers: bearer(tokens) });
  const act = (tokens: Tokens, action: string, fields: Record<string, unknown>) =>
    request<FileBody>(`${stack.apiUrl}/api/applications/${id}/actions`, {
      method: 'POST',
      headers: bearer(tokens),
      body: { action, ...fields },
    });
  const alertsOf = async (tokens: Tokens) =>
    (
      await request<{ items: { kind: string; text: string }[] }>(`${stack.apiUrl}/api/notifications`, {
        headers: bearer(tokens),
      })
    ).body.items.filter((item) => item.kind === 'consultation_overdue');
  const consultationOf = async (tokens: Tokens) => (await file(tokens)).body.consultations![0]!;
  const pageOf = async (path: string, tokens: Tokens) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      headers: { cookie: `onegate_session=${tokens.accessToken}` },
    });
    return { status: response.status, html: await response.text() };
  };
  const fieldsOf = (body: FileBody) => (body.details ?? []).map((detail) => detail.field);

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    justice = await createStaff(stack.apiUrl, admin, staff('QN-STP', 'tuphap.ykien@qn.gov.vn'));
    construction = await createStaff(stack.apiUrl, admin, staff('QN-SXD', 'xaydung.ykien@qn.gov.vn'));
    finance = await createStaff(stack.apiUrl, admin, staff('QN-STC', 'taichinh.ykien@qn.gov.vn'));
    const agencies = await request<{ items: { id: string; code: string }[] }>(
      `${stack.apiUrl}/api/agencies?pageSize=100`,
    );
    agencyIds = Object.fromEntries(agencies.body.items.map((agency) => [agency.code, agency.id]));

    const applicant = newCitizen();
    nationalId = applicant.nationalId;
    const citizen = await registerVerified(stack.apiUrl, catcher, applicant);
    const draft = await apps.create(citizen, HOUSEHOLD, { ...HOUSEHOLD_FORM, nationalId });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, 'PG-CONSULT');
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, id, 'receive');
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    dueAtBefore = received.body.dueAt;
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  it('refuses a consultation of no agency, of an unknown one, of the competent agency, or due in the past', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const ask = (fields: Record<string, unknown>) => act(clerk, 'consult', { reason: QUESTION, ...fields });
    const none = await ask({ agencyIds: [], answerDueAt: later });
    expect(none.status).toBe(400);
    expect(fieldsOf(none.body)).toContain('agencyIds');
    const unknown = await ask({ agencyIds: ['00000000-0000-4000-8000-00000000abcd'], answerDueAt: later });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['agencyIds']);
    const own = await ask({ agencyIds: [agencyIds['QN-STP'], agencyIds['QN-HL']], answerDueAt: later });
    expect(own.status).toBe(400);
    expect(JSON.stringify(own.body.details)).toContain('competent agency');
    const past = await ask({
      agencyIds: [agencyIds['QN-STP']],
      answerDueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(fieldsOf(past.body)).toEqual(['answerDueAt']);
    // Nothing was opened: the justice department still does not reach the file.
    expect((await file(justice)).status).toBe(404);
  });

  it('opens one consultation per agency, leaving the state and the due time alone', async () => {
    const answerDueAt = new Date(Date.now() + ANSWER_WINDOW_MS).toISOString();
    askedAt = Date.now();
    const asked = await act(clerk, 'consult', {
      agencyIds: [agencyIds['QN-STP'], agencyIds['QN-SXD']],
      reason: QUESTION,
      answerDueAt,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.state).toBe('received');
    expect(asked.body.dueAt).toBe(dueAtBefore);
    const event = asked.body.events!.at(-1)!;
    expect(event).toMatchObject({
      type: 'consult',
      data: { agencyIds: [agencyIds['QN-STP'], agencyIds['QN-SXD']], reason: QUESTION, answerDueAt },
    });
    const consultations = asked.body.consultations!;
    expect(consultations.map((each) => each.agencyCode).sort()).toEqual(['QN-STP', 'QN-SXD']);
    expect(consultations.every((each) => each.answeredAt === null && each.question === QUESTION)).toBe(true);
  });

  it('shows a consulted clerk the file without the applicant’s personal data, and lets them only answer', async () => {
    const seen = await file(justice);
    expect(seen.status).toBe(200);
    expect(seen.body.view).toBe('consulted');
    expect(seen.body.allowedActions).toEqual(['answer_consultation']);
    expect(seen.body.consultations).toHaveLength(1);
    expect(seen.body.consultations![0]).toMatchObject({ agencyCode: 'QN-STP', question: QUESTION });
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain(nationalId);
    expect(text).not.toContain(HOUSEHOLD_FORM.businessName);
    expect(text).not.toContain(HOUSEHOLD_FORM.phone);
    const document = seen.body.attachments![0]!;
    const opened = await fetch(`${stack.apiUrl}/api/applications/${id}/attachments/${document.id}`, {
      headers: bearer(justice),
    });
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(PDF_BYTES)).toBe(true);

    expect((await act(justice, 'approve', {})).status).toBe(403);
    expect((await act(justice, 'consult', { reason: 'x' })).status).toBe(403);
    const thread = await request(`${stack.apiUrl}/api/applications/${id}/messages`, {
      headers: bearer(justice),
    });
    expect(thread.status).toBe(404);
    const queue = await request<{ items: { id: string; view: string }[] }>(
      `${stack.apiUrl}/api/applications?consultation=open`,
      { headers: bearer(justice) },
    );
    expect(queue.body.items.map((item) => [item.id, item.view])).toEqual([[id, 'consulted']]);
    expect(JSON.stringify(queue.body)).not.toContain(nationalId);

    const page = await pageOf(`/staff/applications/${id}`, justice);
    expect(page.status).toBe(200);
    expect(page.html).toContain(QUESTION);
    expect(page.html).toContain('name="opinion"');
    expect(page.html).not.toContain(nationalId);
    expect(page.html).not.toContain(HOUSEHOLD_FORM.businessName);
    expect(page.html).not.toContain('action-approve');
    const queuePage = await pageOf('/staff/queue', justice);
    expect(queuePage.html).toContain('Xin ý kiến: hồ sơ chờ cơ quan bạn trả lời');
    expect(queuePage.html).toContain(`/staff/applications/${id}`);
    expect((await pageOf(`/staff/applications/${id}`, finance)).status).toBe(404);
  });

  it('answers 404 to an agency that was not consulted', async () => {
    expect((await file(finance)).status).toBe(404);
    const justiceConsultation = await consultationOf(justice);
    const answer = await act(finance, 'answer_consultation', {
      consultationId: justiceConsultation.id,
      opinion: 'Not ours to say',
    });
    expect(answer.status).toBe(404);
    const queue = await request<{ items: unknown[] }>(`${stack.apiUrl}/api/applications?consultation=open`, {
      headers: bearer(finance),
    });
    expect(queue.body.items).toEqual([]);
  });

  it('records an answer on time once; another agency cannot answer it', async () => {
    const justiceConsultation = await consultationOf(justice);
    const stolen = await act(construction, 'answer_consultation', {
      consultationId: justiceConsultation.id,
      opinion: 'Answered for someone else',
    });
    expect(stolen.status).toBe(404);
    const answered = await act(justice, 'answer_consultation', {
      consultationId: justiceConsultation.id,
      opinion: ON_TIME_OPINION,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(Date.now() - askedAt).toBeLessThan(ANSWER_WINDOW_MS);
    expect(await alertsOf(clerk)).toEqual([]);
    // Answered, the consultation closes: the file leaves the justice department's reach.
    const again = await act(justice, 'answer_consultation', {
      consultationId: justiceConsultation.id,
      opinion: 'A second thought',
    });
    expect(again.status).toBe(404);
    expect((await file(justice)).status).toBe(404);
  });

  it('alerts the asking clerk and the late agency’s clerks once its answer is overdue, and records the late answer', async () => {
    const askerAlerts = await eventually(async () => {
      const alerts = await alertsOf(clerk);
      return alerts.length > 0 ? alerts : undefined;
    }, 40_000);
    expect(askerAlerts).toHaveLength(1);
    const lateAlerts = await eventually(async () => {
      const alerts = await alertsOf(construction);
      return alerts.length > 0 ? alerts : undefined;
    }, 20_000);
    expect(lateAlerts).toHaveLength(1);
    expect(lateAlerts[0]!.text).toContain(QUESTION);
    expect(await alertsOf(justice)).toEqual([]);

    const lateConsultation = await consultationOf(construction);
    expect(lateConsultation.late).toBe(true);
    const answered = await act(construction, 'answer_consultation', {
      consultationId: lateConsultation.id,
      opinion: LATE_OPINION,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);

    const competent = await file(clerk);
    expect(competent.body.state).toBe('received');
    expect(competent.body.dueAt).toBe(dueAtBefore);
    const byAgency = Object.fromEntries(competent.body.consultations!.map((each) => [each.agencyCode, each]));
    expect(byAgency['QN-STP']).toMatchObject({ opinion: ON_TIME_OPINION, late: false });
    expect(byAgency['QN-SXD']).toMatchObject({ opinion: LATE_OPINION, late: true });
    for (const each of Object.values(byAgency)) {
      expect(each.answeredBy).not.toBeNull();
      expect(each.answeredAt).not.toBeNull();
    }
    expect(new Date(byAgency['QN-SXD']!.answeredAt!).getTime()).toBeGreaterThan(
      new Date(byAgency['QN-SXD']!.answerDueAt).getTime(),
    );
    const answers = competent.body.events!.filter((event) => event.type === 'answer_consultation');
    expect(answers.map((event) => event.data.opinion)).toEqual([ON_TIME_OPINION, LATE_OPINION]);
    const page = await pageOf(`/staff/applications/${id}`, clerk);
    expect(page.html).toContain('Đã trả lời đúng hạn');
    expect(page.html).toContain('Đã trả lời quá hạn');
    expect(page.html).toContain(LATE_OPINION);
    expect(page.html).toContain('Cán bộ QN-SXD');
    expect(page.html).toContain('name="agencyIds"');
    // Answered, no further alert comes: the clerk who asked still has the one.
    expect(await alertsOf(clerk)).toHaveLength(1);
  });

  it('refuses a second answer with 409 to someone who reaches the file anyway', async () => {
    const asked = await act(clerk, 'consult', {
      agencyIds: [agencyIds.QN],
      reason: 'Is the province’s opinion needed?',
      answerDueAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const province = asked.body.consultations!.find((each) => each.agencyCode === 'QN')!;
    const first = await act(supervisor, 'answer_consultation', {
      consultationId: province.id,
      opinion: 'Not needed',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await act(supervisor, 'answer_consultation', {
      consultationId: province.id,
      opinion: 'Again',
    });
    expect(second.status).toBe(409);
  });
});
