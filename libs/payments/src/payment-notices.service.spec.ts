import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { AuditEventRepository, NewAuditEvent, Payment, PaymentRepository } from '@onegate/persistence';

import { PaymentNotices } from './payment-notices.service';
import type { PaymentSettlement } from './payment-settlement';
import { VnpayProvider } from './vnpay/vnpay.provider';
import { signedText } from './vnpay/vnpay-signature';

const SECRET = 'test-hash-secret-0123456789';
const provider = new VnpayProvider({
  gatewayUrl: 'https://gw.example',
  tmnCode: 'ONEGATE1',
  hashSecret: SECRET,
});

function notice(txnRef: string, amount: string, secret = SECRET): Record<string, string> {
  const fields = {
    vnp_Amount: amount,
    vnp_ResponseCode: '00',
    vnp_TmnCode: 'ONEGATE1',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: txnRef,
  };
  return { ...fields, vnp_SecureHash: createHmac('sha512', secret).update(signedText(fields)).digest('hex') };
}

/** The notice service over payments kept in a map; settling moves a pending payment to paid. */
function noticesOver(payments: Partial<Payment>[], settle?: () => Promise<boolean>) {
  const audited: NewAuditEvent[] = [];
  const repository = {
    findByTxnRef: async (txnRef: string) =>
      (payments.find((payment) => payment.txnRef === txnRef) as Payment) ?? null,
  } as unknown as PaymentRepository;
  const settlement = { settle: settle ?? (async () => true) } as unknown as PaymentSettlement;
  const audit = {
    append: async (event: NewAuditEvent) => void audited.push(event),
  } as unknown as AuditEventRepository;
  return { notices: new PaymentNotices(provider, repository, settlement, audit), audited };
}

describe('the answer to a payment notice, in the protocol order', () => {
  const pending = { txnRef: 'P', state: 'pending' as const, amountVnd: 200_000 };
  const paid = { txnRef: 'D', state: 'paid' as const, amountVnd: 200_000 };

  it('checks the signature first, even of a payment that does not exist (97), and audits it', async () => {
    const { notices, audited } = noticesOver([]);
    expect(await notices.receive(notice('nothing', '1', 'forged-secret'), '10.0.0.9')).toEqual({
      RspCode: '97',
      Message: 'Fail checksum',
    });
    expect(audited).toEqual([
      {
        type: 'payment_notice_refused',
        ip: '10.0.0.9',
        details: { reason: 'bad_signature', txnRef: 'nothing' },
      },
    ]);
  });

  it('then whether the payment exists (01)', async () => {
    const { notices } = noticesOver([pending]);
    expect(await notices.receive(notice('nothing', '20000000'), null)).toMatchObject({ RspCode: '01' });
  });

  it('then the amount, before whether it is already confirmed (04), and audits it', async () => {
    const { notices, audited } = noticesOver([paid]);
    expect(await notices.receive(notice('D', '10000000'), null)).toEqual({
      RspCode: '04',
      Message: 'Invalid amount',
    });
    expect(audited[0].details).toEqual({
      reason: 'bad_amount',
      txnRef: 'D',
      expectedVnd: 200_000,
      notifiedVnd: 100_000,
    });
  });

  it('then whether it is already confirmed (02)', async () => {
    const { notices } = noticesOver([paid], () => Promise.reject(new Error('must not settle')));
    expect(await notices.receive(notice('D', '20000000'), null)).toEqual({
      RspCode: '02',
      Message: 'Order already confirmed',
    });
  });

  it('records a pending one (00), or answers 02 when another notice settled it meanwhile', async () => {
    expect(await noticesOver([pending]).notices.receive(notice('P', '20000000'), null)).toEqual({
      RspCode: '00',
      Message: 'Confirm Success',
    });
    const raced = noticesOver([pending], async () => false);
    expect(await raced.notices.receive(notice('P', '20000000'), null)).toMatchObject({ RspCode: '02' });
  });

  it('answers 99 when recording fails', async () => {
    const { notices } = noticesOver([pending], () => Promise.reject(new Error('database away')));
    expect(await notices.receive(notice('P', '20000000'), null)).toEqual({
      RspCode: '99',
      Message: 'Unknown error',
    });
  });
});
