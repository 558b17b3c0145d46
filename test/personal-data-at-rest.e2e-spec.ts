import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, signIn, verifyMailedAddress } from './support/accounts';
import type { ApplicationBody } from './support/applications';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';
import { eventually, request } from './support/http';
import { recordLine, returnedStory } from './support/reports/crafted-lines';
import { importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';

/** What one journey puts in: none of it may be readable in any table afterwards. */
interface Secrets {
  nationalId: string;
  /** The 9 digits after the leading 0 or +84: found whatever way the number is written. */
  phoneDigits: string;
  formAnswers: string[];
}

/**
 * After whole journeys (registration, a draft with form answers, an upload, submission, reception, a
 * supplement asked for and given, decision, return, a paper file at the counter and an import), every
 * table of the database, listed from its catalogue, holds none of the national ID numbers, phone
 * numbers or form answers in the clear. Every request carries an Idempotency-Key, so the kept answers
 * are searched too.
 */
describe(`personal data at rest (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let clerk: Tokens;
  let admin: Tokens;
  const secrets: Secrets[] = [];

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
  });

  afterAll(() => stack?.stop());

  const keyed = <T = ApplicationBody>(tokens: Tokens | null, path: string, body: unknown, method = 'POST') =>
    request<T>(`${stack.apiUrl}${path}`, {
      method,
      headers: { ...(tokens ? bearer(tokens) : {}), 'idempotency-key': randomBytes(8).toString('hex') },
      body,
    });
  const act = async (tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) => {
    const answer = await keyed(tokens, `/api/applications/${id}/actions`, { action, ...fields });
    expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  };
  const unique = () => String(100_000 + Math.floor(Math.random() * 900_000));
  const phoneNumber = () => `09${unique()}${unique().slice(0, 2)}`;
  const householdForm = (nationalId: string, phone: string) => ({
    fullName: 'Nguyễn Văn Hành Trình',
    nationalId,
    phone,
    businessName: `Tạp hoá Hành Trình ${unique()}`,
    capital: 50_000_000,
  });
  const remember = (nationalId: string, phone: string, answers: string[]) =>
    secrets.push({ nationalId, phoneDigits: phone.replace(/^(\+84|0)/, ''), formAnswers: answers });

  /** A new citizen's household registration from sign-up to the returned result. */
  async function onlineJourney(): Promise<void> {
    const person = { ...newCitizen(), phone: phoneNumber() };
    const registered = await keyed<Tokens>(null, '/api/auth/register', person);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const citizen = registered.body;
    await verifyMailedAddress(stack.apiUrl, stack.api, person.email);
    const form = householdForm(person.nationalId, person.phone);
    remember(person.nationalId, person.phone, [form.businessName]);

    const draft = await keyed(citizen, '/api/applications', { procedureCode: HOUSEHOLD, formData: form });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, 'PG-1');
    await act(citizen, id, 'submit');
    await act(clerk, id, 'receive');
    await act(clerk, id, 'request_supplement', {
      reason: 'Thiếu giấy tờ',
      missingDocuments: ['Hợp đồng thuê nhà'],
    });
    expect((await apps.upload(citizen, id, 'Hợp đồng thuê nhà', PDF_BYTES)).status).toBe(201);
    await act(citizen, id, 'supplement');
    await act(clerk, id, 'approve');
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined), 30_000);
    await act(clerk, id, 'return');
  }

  /** A paper file registered at the desk for someone with no account. */
  async function counterJourney(): Promise<void> {
    const nationalId = newCitizen().nationalId;
    const phone = phoneNumber();
    const form = householdForm(nationalId, phone);
    remember(nationalId, phone, [form.businessName]);
    const registered = await keyed(clerk, '/api/applications/counter', {
      procedureCode: HOUSEHOLD,
      applicant: { nationalId, fullName: form.fullName },
      formData: form,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  }

  async function importJourney(): Promise<void> {
    const nationalId = newCitizen().nationalId;
    const phone = phoneNumber();
    const purpose = `Xin việc tại Hành Trình ${unique()}`;
    remember(nationalId, phone, [purpose]);
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine(`QN-STP-250612-${unique().slice(0, 4)}`, returnedStory('2025-06-12'), {
        applicant: { nationalId, fullName: 'Phạm Thị Hành Trình' },
        formData: { nationalId, phone, purpose },
      }),
    ]);
    expect(answer.body.imported).toBe(1);
  }

  /** Every table of the database, from its own catalogue. */
  async function tableNames(): Promise<string[]> {
    const rows: { name: string }[] =
      testDatabaseKind() === 'postgres'
        ? await stack.apiDataSource.query(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
          )
        : await stack.apiDataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'");
    return rows.map((row) => row.name);
  }

  /** Each stored value as text: strings as they are, binary values decoded. */
  const asText = (value: unknown): string =>
    Buffer.isBuffer(value)
      ? value.toString('utf8')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

  it('keeps no national ID number, phone number or form answer of the journeys readable in any table', async () => {
    for (let journey = 0; journey < 2; journey += 1) await onlineJourney();
    await counterJourney();
    await importJourney();
    // Notifications and their e-mails are written by the worker after each step.
    const count = async (sql: string) => Number((await stack.apiDataSource.query(sql))[0].n);
    await eventually(async () => {
      const jobsLeft = await count(
        'SELECT COUNT(*) AS n FROM outbox_messages WHERE completed_at IS NULL AND run_at IS NULL',
      );
      const mailsLeft = await count(
        "SELECT COUNT(*) AS n FROM notifications WHERE email_status IN ('pending', 'sending')",
      );
      const caught = await count('SELECT COUNT(*) AS n FROM mail_sink_messages');
      return jobsLeft === 0 && mailsLeft === 0 && caught > 0 ? true : undefined;
    }, 60_000);

    const tables = await tableNames();
    expect(tables).toEqual(expect.arrayContaining(['users', 'applications', 'idempotency_records']));
    const found: string[] = [];
    for (const table of tables) {
      const rows: Record<string, unknown>[] = await stack.apiDataSource.query(`SELECT * FROM ${table}`);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const text = asText(value);
          for (const secret of secrets) {
            for (const clear of [secret.nationalId, secret.phoneDigits, ...secret.formAnswers]) {
              if (text.includes(clear)) found.push(`${table}.${column}: ${clear}`);
            }
          }
        }
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });
});
