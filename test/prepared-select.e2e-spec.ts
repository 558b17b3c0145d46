import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Application, ApplicationEvent, PreparedSelect } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { eventually, request } from './support/http';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';

const RELATIONS = { procedure: true, competentAgency: true, receivingAgency: true } as const;
const HISTORY = ['events', 'attachments', 'firstDownloadedAt', 'consultations'];
const withoutHistory = (application: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(application).filter(([key]) => !HISTORY.includes(key)));

/**
 * The hot reads run SQL that the query builder wrote once, an action answers with what it read on the
 * way instead of reading the application again, and a queue reads only what its lines show: each must
 * give what TypeORM's own find() and a fresh GET give.
 */
describe(`prepared reads and composed answers (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
  });

  afterAll(() => stack?.stop());

  /** An action's answer, checked against the application as a GET by the same person then shows it. */
  async function actAndCompare(tokens: Tokens, id: string, action: string, fields = {}) {
    const answer = await apps.act(tokens, id, action, fields);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual((await apps.get(tokens, id)).body);
    return answer.body;
  }

  it('answers every action of a journey with exactly what a GET shows right after it', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const fresh = (await apps.get(citizen, draft.body.id)).body as unknown as Record<string, unknown>;
    const withoutHistory = Object.fromEntries(
      Object.entries(fresh).filter(([key]) => !HISTORY.includes(key)),
    );
    expect(draft.body).toEqual(withoutHistory);

    const id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, 'PG-7');
    // The payment's receipt is issued in the background (docs/payments.md): once it is in, nothing of
    // the payment can change the file between an answer and the GET after it.
    const hasReceipt = async () =>
      (await apps.get(citizen, id)).body.attachments?.some(
        (file) => file.documentName === 'form:fee-receipt',
      );
    await eventually(async () => ((await hasReceipt()) ? true : undefined));
    const submitted = await actAndCompare(citizen, id, 'submit');
    expect(submitted.attachments).toHaveLength(2);
    const received = await actAndCompare(clerk, id, 'receive');
    expect(received.code).not.toBeNull();
    await actAndCompare(clerk, id, 'approve');
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined));
    const returned = await actAndCompare(clerk, id, 'return');
    expect(returned.events!.map((event) => event.type)).toEqual([
      'pay',
      'submit',
      'receive',
      'approve',
      'sign',
      'return',
    ]);
  });

  it('shows on each line of a queue what the application itself shows, without its history', async () => {
    const queue = await request<{ items: Record<string, unknown>[] }>(
      `${stack.apiUrl}/api/applications?limit=100&finished=true`,
      { headers: bearer(clerk) },
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
    for (const line of queue.body.items) {
      const whole = (await apps.get(clerk, line.id as string)).body as unknown as Record<string, unknown>;
      expect(line).toEqual(withoutHistory(whole));
    }
  });

  it('reads the same entities as find(), joins and decrypted columns included', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-8');
    const data = stack.apiDataSource;
    const repository = data.getRepository(Application);
    const byId = new PreparedSelect(data, ['id'], ({ id }) =>
      repository.createQueryBuilder().setFindOptions({ where: { id }, relations: RELATIONS }),
    );

    const [prepared] = await byId.getMany({ id: draft.body.id });
    const [found] = await repository.find({ where: { id: draft.body.id }, relations: RELATIONS });
    expect(prepared).toEqual(found);
    expect(prepared).toBeInstanceOf(Application);
    expect(prepared!.applicantNationalId).toMatch(/^\d{12}$/);
    expect(prepared!.formData).toEqual(found!.formData);
    expect(prepared!.createdAt).toBeInstanceOf(Date);
    expect(await byId.getMany({ id: randomUUID() })).toEqual([]);
    // The same SQL again with another value: nothing of the first call sticks.
    const other = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body.id;
    expect((await byId.getMany({ id: other }))[0]!.id).toBe(other);
  });

  it('reads through a transaction’s manager, seeing what the transaction wrote', async () => {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    const data = stack.apiDataSource;
    const events = new PreparedSelect(data, ['applicationId'], ({ applicationId }) =>
      data
        .getRepository(ApplicationEvent)
        .createQueryBuilder()
        .setFindOptions({ where: { applicationId }, order: { sequence: 'ASC' } }),
    );
    const inside = await data
      .transaction(async (manager) => {
        await manager.getRepository(ApplicationEvent).insert({
          id: randomUUID(),
          applicationId: draft.body.id,
          sequence: 1,
          type: 'pay',
          at: new Date('2026-11-25T03:00:00Z'),
          actorId: null,
          actorRole: 'citizen',
          channel: 'online',
          fromState: 'draft',
          toState: 'draft',
          note: null,
          data: { reference: 'inside' },
          // The JSON data type is too deep for TypeORM's partial-entity typing.
        } as never);
        const seen = await events.getMany({ applicationId: draft.body.id }, manager);
        // Rolled back: the event must not outlive the test.
        throw Object.assign(new Error('roll back'), { seen });
      })
      .catch((error: { seen?: ApplicationEvent[] }) => error.seen);
    expect(inside).toHaveLength(1);
    expect(inside![0]).toMatchObject({ type: 'pay', data: { reference: 'inside' } });
    expect(inside![0]!.at).toEqual(new Date('2026-11-25T03:00:00Z'));
    expect(await events.getMany({ applicationId: draft.body.id })).toEqual([]);
  });

  it('refuses, at its first use, a query holding a value that is not one of its parameters', async () => {
    const data = stack.apiDataSource;
    const drafts = new PreparedSelect(data, ['id'], ({ id }) =>
      data
        .getRepository(Application)
        .createQueryBuilder()
        .setFindOptions({ where: { id, state: 'draft' } }),
    );
    await expect(drafts.getMany({ id: randomUUID() })).rejects.toThrow(/not a parameter/);
  });
});
