import { randomUUID } from 'node:crypto';

import type { PaymentsConfig } from '@onegate/config';

import type {
  GatewayOutcome,
  GatewayReading,
  NotificationVerdict,
  PaymentOrder,
  PaymentProvider,
  QueryResult,
  TransactionQuery,
} from '../payment-provider';
import {
  hashedValues,
  IPN_ANSWERS,
  PAYMENT_PAGE_PATH,
  QUERYDR_NOT_FOUND,
  QUERYDR_REQUEST_HASHED,
  QUERYDR_RESPONSE_HASHED,
  TRANSACTION_API_PATH,
} from './vnpay-messages';
import {
  amountFromGateway,
  fromVietnamTime,
  gatewayAmount,
  pipeHash,
  sameHash,
  signatureHolds,
  signedText,
  signParams,
  VNPAY_VERSION,
} from './vnpay-signature';
import { vietnamTime } from '@onegate/platform';

const QUERY_TIMEOUT_MS = 15_000;
/** What OneGate sends as its own address when it asks the gateway something. */
const SERVER_IP = '127.0.0.1';

/** VNPAY protocol 2.1.0 (docs/payments.md). */
export class VnpayProvider implements PaymentProvider {
  public constructor(
    private readonly config: Pick<PaymentsConfig, 'gatewayUrl' | 'tmnCode' | 'hashSecret'>,
  ) {}

  public paymentUrl(order: PaymentOrder): string {
    const params: Record<string, string> = {
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: this.config.tmnCode,
      vnp_Amount: gatewayAmount(order.amountVnd),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.txnRef,
      vnp_OrderInfo: order.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: order.language === 'vi' ? 'vn' : 'en',
      vnp_ReturnUrl: order.returnUrl,
      vnp_IpAddr: order.ipAddress,
      vnp_CreateDate: vietnamTime(order.createdAt),
      vnp_ExpireDate: vietnamTime(order.expiresAt),
    };
    const text = signedText(params);
    return `${this.config.gatewayUrl}${PAYMENT_PAGE_PATH}?${text}&vnp_SecureHash=${signParams(params, this.config.hashSecret)}`;
  }

  public readReturn(query: Record<string, string>): GatewayReading {
    return this.read(query);
  }

  public readNotification(query: Record<string, string>): GatewayReading {
    return this.read(query);
  }

  public answerNotification(verdict: NotificationVerdict): object {
    return IPN_ANSWERS[verdict];
  }

  public async query(request: TransactionQuery): Promise<QueryResult> {
    const body: Record<string, string> = {
      vnp_RequestId: randomUUID().replace(/-/g, ''),
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'querydr',
      vnp_TmnCode: this.config.tmnCode,
      vnp_TxnRef: request.txnRef,
      vnp_TransactionDate: vietnamTime(request.createdAt),
      vnp_CreateDate: vietnamTime(request.now),
      vnp_IpAddr: SERVER_IP,
      vnp_OrderInfo: request.orderInfo,
    };
    body.vnp_SecureHash = pipeHash(this.config.hashSecret, hashedValues(QUERYDR_REQUEST_HASHED, body));
    const response = await fetch(`${this.config.gatewayUrl}${TRANSACTION_API_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The payment gateway answered querydr with HTTP ${response.status}`);
    return this.readQueryAnswer((await response.json()) as Record<string, string>, request.txnRef);
  }

  private readQueryAnswer(answer: Record<string, string>, txnRef: string): QueryResult {
    const expected = pipeHash(this.config.hashSecret, hashedValues(QUERYDR_RESPONSE_HASHED, answer));
    if (!sameHash(expected, answer.vnp_SecureHash)) {
      throw new Error('The payment gateway answered querydr with a signature that does not hold');
    }
    if (answer.vnp_ResponseCode === QUERYDR_NOT_FOUND) return { kind: 'unknown' };
    if (answer.vnp_ResponseCode !== '00' || answer.vnp_TxnRef !== txnRef) {
      throw new Error(`The payment gateway refused querydr (code ${answer.vnp_ResponseCode})`);
    }
    // 01: not completed yet; anything else is final.
    if (answer.vnp_TransactionStatus === '01') return { kind: 'pending' };
    return { kind: 'settled', outcome: outcomeOf(answer, answer.vnp_TransactionStatus === '00') };
  }

  private read(query: Record<string, string>): GatewayReading {
    if (!signatureHolds(query, this.config.hashSecret) || query.vnp_TmnCode !== this.config.tmnCode)
      return null;
    return outcomeOf(query, query.vnp_ResponseCode === '00' && query.vnp_TransactionStatus === '00');
  }
}

function outcomeOf(message: Record<string, string>, succeeded: boolean): GatewayOutcome {
  return {
    txnRef: message.vnp_TxnRef ?? '',
    // An amount that is not whole VND matches no fee, so it is refused as a wrong amount.
    amountVnd: amountFromGateway(message.vnp_Amount) ?? -1,
    succeeded,
    responseCode: message.vnp_ResponseCode ?? '',
    transactionNo: message.vnp_TransactionNo || null,
    bankCode: message.vnp_BankCode || null,
    paidAt: succeeded ? fromVietnamTime(message.vnp_PayDate) : null,
  };
}
