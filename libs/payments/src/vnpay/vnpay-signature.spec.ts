import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { VnpayProvider } from './vnpay.provider';
import { fromVietnamTime, pipeHash, signatureHolds, signedText, signParams } from './vnpay-signature';
import { vietnamTime } from '@onegate/platform';

const SECRET = 'test-hash-secret-0123456789';
/** Computed here with node:crypto alone, from text written out by hand. */
const hmac = (text: string) => createHmac('sha512', SECRET).update(text, 'utf8').digest('hex');

describe('VNPAY 2.1.0 signature', () => {
  const params = {
    vnp_TxnRef: 'ABC123',
    vnp_Amount: '20000000',
    vnp_OrderInfo: 'Le phi ho so QN-HL 260101',
    vnp_Locale: 'vn',
    vnp_BankCode: '',
    vnp_ReturnUrl: 'https://portal.example.vn/payments/return',
    vnp_SecureHashType: 'HmacSHA512',
    other: 'not signed',
  };
  const byHand =
    'vnp_Amount=20000000&vnp_Locale=vn&vnp_OrderInfo=Le+phi+ho+so+QN-HL+260101' +
    '&vnp_ReturnUrl=https%3A%2F%2Fportal.example.vn%2Fpayments%2Freturn&vnp_TxnRef=ABC123';

  it('signs the non-empty vnp_* parameters but the hash, sorted, form-encoded with + for a space', () => {
    expect(signedText(params)).toBe(byHand);
    expect(signParams(params, SECRET)).toBe(hmac(byHand));
  });

  it('encodes Vietnamese text as UTF-8 percent-escapes', () => {
    expect(signedText({ vnp_OrderInfo: 'Lệ phí' })).toBe('vnp_OrderInfo=L%E1%BB%87+ph%C3%AD');
  });

  it('holds for the right hash, in either case, and for nothing else', () => {
    const hash = hmac(byHand);
    expect(signatureHolds({ ...params, vnp_SecureHash: hash }, SECRET)).toBe(true);
    expect(signatureHolds({ ...params, vnp_SecureHash: hash.toUpperCase() }, SECRET)).toBe(true);
    expect(signatureHolds({ ...params, vnp_Amount: '20000001', vnp_SecureHash: hash }, SECRET)).toBe(false);
    expect(signatureHolds({ ...params, vnp_SecureHash: hash.slice(1) }, SECRET)).toBe(false);
    expect(signatureHolds(params, SECRET)).toBe(false);
  });

  it('writes and reads times as yyyyMMddHHmmss in Viet Nam time', () => {
    expect(vietnamTime(new Date('2026-01-01T17:30:05Z'))).toBe('20260102003005');
    expect(fromVietnamTime('20260102003005')).toEqual(new Date('2026-01-01T17:30:05Z'));
    expect(fromVietnamTime('2026-01-02')).toBeNull();
  });

  it('joins the querydr fields with pipes before hashing', () => {
    expect(pipeHash(SECRET, ['r1', '2.1.0', 'querydr', 'ONEGATE1'])).toBe(hmac('r1|2.1.0|querydr|ONEGATE1'));
  });
});

describe('VnpayProvider', () => {
  const provider = new VnpayProvider({
    gatewayUrl: 'https://gw.example',
    tmnCode: 'ONEGATE1',
    hashSecret: SECRET,
  });

  it('sends the citizen to the payment page with the amount in hundredths and a hash that holds', () => {
    const url = new URL(
      provider.paymentUrl({
        txnRef: 'T1',
        amountVnd: 200_000,
        orderInfo: 'Le phi',
        language: 'en',
        returnUrl: 'http://localhost:3000/payments/return',
        ipAddress: '10.0.0.1',
        createdAt: new Date('2026-03-01T01:00:00Z'),
        expiresAt: new Date('2026-03-01T01:15:00Z'),
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://gw.example/paymentv2/vpcpay.html');
    const byHand =
      'vnp_Amount=20000000&vnp_Command=pay&vnp_CreateDate=20260301080000&vnp_CurrCode=VND' +
      '&vnp_ExpireDate=20260301081500&vnp_IpAddr=10.0.0.1&vnp_Locale=en&vnp_OrderInfo=Le+phi' +
      '&vnp_OrderType=other&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fpayments%2Freturn' +
      '&vnp_TmnCode=ONEGATE1&vnp_TxnRef=T1&vnp_Version=2.1.0';
    expect(url.search.slice(1)).toBe(`${byHand}&vnp_SecureHash=${hmac(byHand)}`);
  });

  it('reads a signed notice: success only with response code and status 00', () => {
    const notice = {
      vnp_Amount: '20000000',
      vnp_BankCode: 'NCB',
      vnp_PayDate: '20260301081000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: 'ONEGATE1',
      vnp_TransactionNo: '1234',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: 'T1',
    };
    const signed = (fields: Record<string, string>) => ({
      ...fields,
      vnp_SecureHash: hmac(signedText(fields)),
    });
    expect(provider.readNotification(signed(notice))).toEqual({
      txnRef: 'T1',
      amountVnd: 200_000,
      succeeded: true,
      responseCode: '00',
      transactionNo: '1234',
      bankCode: 'NCB',
      paidAt: new Date('2026-03-01T01:10:00Z'),
    });
    expect(provider.readNotification(signed({ ...notice, vnp_ResponseCode: '24' }))?.succeeded).toBe(false);
    expect(provider.readNotification(signed({ ...notice, vnp_TmnCode: 'OTHER001' }))).toBeNull();
    expect(provider.readNotification({ ...signed(notice), vnp_Amount: '1' })).toBeNull();
  });
});
