import { createHmac } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { JobDispatcher, JobName } from '@onegate/jobs';
import type { PaymentSandbox } from '@onegate/payments';
import { Payment } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { notifying, payingThrough, startTestSandbox } from './support/payment-sandbox';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

interface PaymentBody {
  txnRef: string;
  state: string;
  amountVnd: number;
  redirectUrl: string;
  transactionNo: string | null;
}

type Choice = 'pay' | 'fail' | 'cancel';

describe(`online payment through the sandbox gateway (${testDatabaseKind()})`, () => {
  let sandbox: PaymentSandbox;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let admin: Tokens;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    stack = await TestStack.start({ configure: payingThrough(sandbox) });
    notifying(sandbox, stack);
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(async () => {
    await stack?.stop();
    await sandbox?.close();
  });

  async function draftWithFee(): Promise<{ id: string; feeVnd: number }> {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    const feeVnd = (draft.body as unknown as { feeVnd: number }).feeVnd;
    expect(feeVnd).toBeGreaterThan(0);
    return { id: draft.body.id, feeVnd };
  }

  async function startPayment(id: string): Promise<PaymentBody> {
    const started = await request<PaymentBody>(`${stack.apiUrl}/api/applications/${id}/payments`, {
      method: 'POST',
      headers: bearer(citizen),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.state).toBe('pending');
    return started.body;
  }

  /** The citizen's browser at the gateway: its page, then a choice; answers where it is sent back to. */
  async function atGateway(payment: PaymentBody, choice: Choice | null): Promise<string | null> {
    const page = await fetch(payment.redirectUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Thanh toán / Pay');
    if (!choice) return null;
    const chosen = await fetch(`${sandbox.url}/paymentv2/choose`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ txnRef: payment.txnRef, choice }).toString(),
      redirect: 'manual',
    });
    expect(chosen.status).toBe(303);
    const back = chosen.headers.get('location')!;
    expect(back.startsWith(`${stack.config.publicUrl}/payments/return?`)).toBe(true);
    return back.replace(stack.config.publicUrl, stack.apiUrl);
  }

  const paymentsOf = async (id: string) =>
    (
      await request<PaymentBody[]>(`${stack.apiUrl}/api/applications/${id}/payments`, {
        headers: bearer(citizen),
      })
    ).body;

  const payEvents = async (id: string) =>
    (await apps.get(citizen, id)).body.events!.filter((event) => event.type === 'pay');

  const refusedNotices = async () =>
    (
      await request<{ items: { details: Record<string, unknown> }[] }>(
        `${stack.apiUrl}/api/admin/audit?type=payment_notice_refused`,
        { headers: bearer(admin) },
      )
    ).body.items.map((item) => item.details);

  it('records a payment the gateway confirms as the online `pay` event, and the file counts as paid', async () => {
    const { id, feeVnd } = await draftWithFee();
    const payment = await startPayment(id);
    expect(payment.amountVnd).toBe(feeVnd);
    expect(new URL(payment.redirectUrl).searchParams.get('vnp_Amount')).toBe(String(feeVnd * 100));
    const back = await atGateway(payment, 'pay');

    const file = (await apps.get(citizen, id)).body as unknown as { paid: boolean };
    expect(file.paid).toBe(true);
    const [event] = await payEvents(id);
    expect(event).toMatchObject({
      channel: 'online',
      actorRole: 'system',
      data: { reference: payment.txnRef },
    });
    const [stored] = await paymentsOf(id);
    expect(stored).toMatchObject({ txnRef: payment.txnRef, state: 'paid', amountVnd: feeVnd });
    expect(stored.transactionNo).toMatch(/^\d+$/);

    const page = await fetch(back!, { headers: { cookie: 'lang=en' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-outcome="paid"');
  });

  it('shows a failure in words, changes nothing, and lets the citizen pay again', async () => {
    const { id } = await draftWithFee();
    const failed = await startPayment(id);
    const back = await atGateway(failed, 'fail');
    const page = await (await fetch(back!)).text();
    expect(page).toContain('data-outcome="failed"');
    expect(page).toContain(`/my/applications/${id}#pay`);
    expect((await apps.get(citizen, id)).body).toMatchObject({ paid: false });
    expect(await payEvents(id)).toHaveLength(0);

    const retried = await startPayment(id);
    expect(retried.txnRef).not.toBe(failed.txnRef);
    await atGateway(retried, 'pay');
    expect((await paymentsOf(id)).map((payment) => payment.state)).toEqual(['paid', 'failed']);
    expect(await payEvents(id)).toHaveLength(1);
  });

  it('answers a duplicate notice 02 and records nothing twice', async () => {
    const { id } = await draftWithFee();
    const payment = await startPayment(id);
    await atGateway(payment, 'pay');
    expect(await sandbox.notify(payment.txnRef)).toEqual({
      RspCode: '02',
      Message: 'Order already confirmed',
    });
    expect(await payEvents(id)).toHaveLength(1);
    expect((await paymentsOf(id))[0].state).toBe('paid');
  });

  it('refuses a wrong amount (04) and a forged signature (97), audits both, and settles on the true notice', async () => {
    const { id, feeVnd } = await draftWithFee();
    const payment = await startPayment(id);
    await atGateway(payment, null);
    sandbox.chooseSilently(payment.txnRef, 'pay');

    expect(await sandbox.notify(payment.txnRef, { amountVnd: feeVnd - 1_000 })).toEqual({
      RspCode: '04',
      Message: 'Invalid amount',
    });
    expect(await sandbox.notify(payment.txnRef, { forged: true })).toEqual({
      RspCode: '97',
      Message: 'Fail checksum',
    });
    expect((await paymentsOf(id))[0].state).toBe('pending');
    expect(await payEvents(id)).toHaveLength(0);
    const audited = await refusedNotices();
    expect(audited).toContainEqual({
      reason: 'bad_amount',
      txnRef: payment.txnRef,
      expectedVnd: feeVnd,
      notifiedVnd: feeVnd - 1_000,
    });
    expect(audited).toContainEqual({ reason: 'bad_signature', txnRef: payment.txnRef });

    expect(await sandbox.notify(payment.txnRef)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(await payEvents(id)).toHaveLength(1);
  });

  it('answers 01 for a signed notice of a payment OneGate never created, and 97 for an unsigned one', async () => {
    const unsigned = await request(`${stack.apiUrl}/api/payments/vnpay/ipn?vnp_TxnRef=nothing`);
    expect(unsigned.body).toEqual({ RspCode: '97', Message: 'Fail checksum' });
    // Signed by hand: sorted, form-encoded, HMAC-SHA512 with the sandbox's secret.
    const signed =
      'vnp_Amount=10000000&vnp_ResponseCode=00&vnp_TmnCode=ONEGATE1&vnp_TransactionStatus=00&vnp_TxnRef=nothing';
    const hash = createHmac('sha512', 'onegate-sandbox-hash-secret-2026').update(signed).digest('hex');
    const unknown = await request(`${stack.apiUrl}/api/payments/vnpay/ipn?${signed}&vnp_SecureHash=${hash}`);
    expect(unknown.body).toEqual({ RspCode: '01', Message: 'Order not found' });
  });

  it("refuses a citizen's own typed payment reference, pointing to the online payment; a clerk still records cash", async () => {
    const { id } = await draftWithFee();
    const typed = await apps.act(citizen, id, 'pay', { reference: 'PG-1' });
    expect(typed.status).toBe(403);
    expect(typed.body.message).toContain('/api/applications/:id/payments');
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    const cash = await apps.act(clerk, id, 'pay', { reference: 'BL-0001' });
    expect(cash.status, JSON.stringify(cash.body)).toBe(200);
    expect((await payEvents(id))[0]).toMatchObject({ channel: 'offline', actorRole: 'clerk' });
  });

  it('reconciles payments pending past their time by asking the gateway: paid, or expired', async () => {
    const lost = await draftWithFee();
    const lostPayment = await startPayment(lost.id);
    await atGateway(lostPayment, null);
    sandbox.chooseSilently(lostPayment.txnRef, 'pay'); // paid at the gateway, its notice never came
    const abandoned = await draftWithFee();
    const abandonedPayment = await startPayment(abandoned.id); // the citizen never reached the gateway

    const later = new Date(Date.now() + (stack.config.payments.expiryMinutes + 1) * 60_000);
    stack.freezeClock(later);
    await stack.worker!.get(JobDispatcher).dispatch(JobName.ReconcilePayments, {});
    const payments = stack.apiDataSource.getRepository(Payment);
    const stateOf = async (txnRef: string) => (await payments.findOneByOrFail({ txnRef })).state;
    await eventually(async () => ((await stateOf(abandonedPayment.txnRef)) === 'expired' ? true : undefined));
    await eventually(async () => ((await stateOf(lostPayment.txnRef)) === 'paid' ? true : undefined));
    stack.freezeClock(null);

    expect(await payEvents(lost.id)).toHaveLength(1);
    expect(await payEvents(abandoned.id)).toHaveLength(0);
    // A success arriving after expiry is still money received: recorded as paid.
    await atGateway(abandonedPayment, null);
    sandbox.chooseSilently(abandonedPayment.txnRef, 'pay');
    expect(await sandbox.notify(abandonedPayment.txnRef)).toEqual({
      RspCode: '00',
      Message: 'Confirm Success',
    });
    expect(await stateOf(abandonedPayment.txnRef)).toBe('paid');
    expect(await payEvents(abandoned.id)).toHaveLength(1);
  });
});
