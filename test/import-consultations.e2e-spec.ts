import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Agency, Application, ApplicationEvent, Consultation } from '@onegate/persistence';

import { RetentionSweep } from '../apps/worker/src/retention/retention-sweep.service';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient } from './support/applications';
import { request } from './support/http';
import { event, recordLine } from './support/reports/crafted-lines';
import { getReport, importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const QUESTION = 'Xin ý kiến về việc xác minh nhân thân của ông Nguyễn Văn Tham';
const FIRST_OPINION = 'Sở Xây dựng không có ý kiến khác';
const SECOND_OPINION = 'Đồng ý, ông Tham không có án tích';
const TRANSFER_OPINION = 'Đã xác minh tại địa phương';
const CODE = 'QN-STP-250602-0001';

/** The opening of a record-extract story received on Monday 2 June 2025; `then` follows it. */
const story = (code: string, then: ReturnType<typeof event>[]) =>
  recordLine(code, [
    event('submit', '2025-06-02T08:30:00'),
    event('receive', '2025-06-02T09:00:00'),
    event('pay', '2025-06-02T09:10:00', { reference: 'PG-1' }),
    ...then,
  ]);
const consult = (fields: Record<string, unknown>) =>
  event('consult', '2025-06-02T10:00:00', {
    reason: QUESTION,
    answerDueAt: '2025-06-04T17:00:00+07:00',
    ...fields,
  });

interface ConsultationBody {
  id: string;
  agencyId: string;
  agencyCode: string;
  askedBy: string;
  question: string;
  askedAt: string;
  answerDueAt: string;
  answeredAt: string | null;
  opinion: string | null;
  late: boolean;
}

/**
 * The historical import replays consultations as the live actions record them: one row per agency
 * asked, answered by the agency named; bad lines are refused naming the field. Retention later empties
 * their words and keeps their times, agencies and lateness.
 */
describe(`import of consultations, and their retention (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let apps: ApplicationsClient;
  let cityId: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    apps = new ApplicationsClient(stack.apiUrl);
    cityId = (await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-HL' })).id;
  });

  afterAll(() => stack?.stop());

  const fileId = async (code: string) =>
    (await stack.apiDataSource.getRepository(Application).findOneByOrFail({ code })).id;
  const consultationsOf = async (code: string) => {
    const response = await apps.get(admin, await fileId(code));
    expect(response.status).toBe(200);
    return [...(response.body as unknown as { consultations: ConsultationBody[] }).consultations].sort(
      (a, b) => a.agencyCode.localeCompare(b.agencyCode),
    );
  };
  const eventsOf = async (code: string) =>
    stack.apiDataSource
      .getRepository(ApplicationEvent)
      .find({ where: { applicationId: await fileId(code) }, order: { sequence: 'ASC' } });

  it('imports consult and answer_consultation events as consultations, and refuses bad lines naming the field', async () => {
    const answered = (day: string, fields: Record<string, unknown>) =>
      event('answer_consultation', day, fields);
    const imported = await importLines(stack.apiUrl, admin, [
      story(CODE, [
        consult({ agencyCodes: ['QN-SXD', 'QN-HL', 'QN-SXD'] }),
        answered('2025-06-03T09:00:00', { agencyCode: 'QN-SXD', opinion: FIRST_OPINION }),
        // After its due time, Wednesday 17:00: late.
        answered('2025-06-05T10:00:00', { agencyId: cityId, opinion: SECOND_OPINION }),
        event('forward', '2025-06-05T11:00:00', { opinion: TRANSFER_OPINION }),
        event('approve', '2025-06-05T14:00:00'),
        event('sign', '2025-06-05T14:05:00'),
        event('return', '2025-06-05T15:00:00'),
      ]),
      story('QN-STP-250602-0002', [consult({ agencyCodes: ['QN-NOWHERE'] })]),
      story('QN-STP-250602-0003', [
        answered('2025-06-03T09:00:00', { agencyCode: 'QN-SXD', opinion: FIRST_OPINION }),
      ]),
      story('QN-STP-250602-0004', [consult({ agencyCodes: ['QN-SXD'], answerDueAt: undefined })]),
      story('QN-STP-250602-0005', [consult({ agencyCodes: ['QN-STP'] })]),
      story('QN-STP-250602-0006', [event('approve', '2025-06-03T09:00:00', { agencyCode: 'QN-SXD' })]),
      story('QN-STP-250602-0007', [
        consult({ agencyCodes: ['QN-SXD'], answerDueAt: '2025-06-02T09:30:00+07:00' }),
      ]),
      story('QN-STP-250602-0008', [
        consult({ agencyIds: [cityId] }),
        answered('2025-06-03T09:00:00', { agencyCode: 'QN-HL', opinion: FIRST_OPINION }),
        answered('2025-06-03T10:00:00', { agencyCode: 'QN-HL', opinion: SECOND_OPINION }),
      ]),
      story('QN-STP-250602-0009', [consult({ agencyCodes: ['QN-SXD'], agencyIds: [cityId] })]),
      story('QN-STP-250602-0010', [
        consult({ agencyCodes: ['QN-SXD'] }),
        answered('2025-06-03T09:00:00', { agencyCode: 'QN-SXD' }),
      ]),
    ]);
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(1);
    expect(imported.body.rejected).toEqual([
      { line: 2, error: 'events[3].agencyCodes[0] is not the code of an agency' },
      {
        line: 3,
        error: 'events[3].agencyCode: that agency has no open consultation on this file to answer',
      },
      { line: 4, error: 'events[3].answerDueAt is required by consult' },
      {
        line: 5,
        error: "events[3].agencyCodes[0] is the file's own competent agency, which cannot be consulted",
      },
      { line: 6, error: 'events[3].agencyCode is not taken by approve' },
      { line: 7, error: 'events[3].answerDueAt must be later than the consult' },
      {
        line: 8,
        error: 'events[5].agencyCode: that agency has no open consultation on this file to answer',
      },
      { line: 9, error: 'events[3] needs exactly one of agencyIds and agencyCodes with consult' },
      { line: 10, error: expect.stringMatching(/^events\[4\] \(answer_consultation\): .*opinion/) },
    ]);

    const consultations = await consultationsOf(CODE);
    const asked = { askedBy: 'import', question: QUESTION, askedAt: '2025-06-02T03:00:00.000Z' };
    const due = '2025-06-04T10:00:00.000Z';
    expect(consultations).toEqual([
      expect.objectContaining({
        agencyCode: 'QN-HL',
        ...asked,
        answerDueAt: due,
        answeredAt: '2025-06-05T03:00:00.000Z',
        opinion: SECOND_OPINION,
        late: true,
      }),
      expect.objectContaining({
        agencyCode: 'QN-SXD',
        ...asked,
        answerDueAt: due,
        answeredAt: '2025-06-03T02:00:00.000Z',
        opinion: FIRST_OPINION,
        late: false,
      }),
    ]);
    // The events record what the live actions record: the agencies asked, and the consultation answered.
    const events = await eventsOf(CODE);
    const consultEvent = events.find((item) => item.type === 'consult')!;
    expect(consultEvent.data).toMatchObject({ reason: QUESTION, answerDueAt: due });
    expect([...(consultEvent.data.agencyIds as string[])].sort()).toEqual(
      [cityId, consultations.find((item) => item.agencyCode === 'QN-SXD')!.agencyId].sort(),
    );
    expect(
      events.filter((item) => item.type === 'answer_consultation').map((item) => item.data.consultationId),
    ).toEqual([
      consultations.find((item) => item.agencyCode === 'QN-SXD')!.id,
      consultations.find((item) => item.agencyCode === 'QN-HL')!.id,
    ]);
    expect(events.find((item) => item.type === 'forward')!.data.opinion).toBe(TRANSFER_OPINION);
    // Re-importing the same code changes nothing.
    const again = await importLines(stack.apiUrl, admin, [story(CODE, [])]);
    expect(again.body).toEqual({ imported: 0, skipped: 1, rejected: [] });
    const applicationId = await fileId(CODE);
    expect(await stack.apiDataSource.getRepository(Consultation).count({ where: { applicationId } })).toBe(2);
  });

  it('empties the consultation and transfer texts of a file past retention, and keeps the figures', async () => {
    const patched = await request(`${stack.apiUrl}/api/admin/procedures/2.000488`, {
      method: 'PATCH',
      headers: bearer(admin),
      body: { retentionDays: 1 },
    });
    expect(patched.status).toBe(200);
    const before = await consultationsOf(CODE);
    const period = { from: '2025-06-01', to: '2025-06-30' };
    const summaryBefore = (await getReport(stack.apiUrl, admin, 'summary', period)).body;
    const stepsBefore = (await getReport(stack.apiUrl, admin, 'steps', period)).body;

    const outcome = await stack.worker!.get(RetentionSweep, { strict: false }).sweep();
    expect(outcome.anonymised).toBeGreaterThanOrEqual(1);

    const after = await consultationsOf(CODE);
    expect(after).toEqual(before.map((item) => ({ ...item, question: '', opinion: '' })));
    const events = await eventsOf(CODE);
    expect(events.find((item) => item.type === 'consult')!.data).toMatchObject({
      reason: '',
      answerDueAt: '2025-06-04T10:00:00.000Z',
    });
    for (const item of events.filter((each) => ['answer_consultation', 'forward'].includes(each.type))) {
      expect(item.data.opinion, item.type).toBe('');
    }
    const words = JSON.stringify({ after, events });
    for (const text of [QUESTION, FIRST_OPINION, SECOND_OPINION, TRANSFER_OPINION]) {
      expect(words).not.toContain(text);
    }
    expect((await getReport(stack.apiUrl, admin, 'summary', period)).body).toEqual(summaryBefore);
    expect((await getReport(stack.apiUrl, admin, 'steps', period)).body).toEqual(stepsBefore);
  });
});
