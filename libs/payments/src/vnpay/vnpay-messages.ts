import type { NotificationVerdict } from '../payment-provider';

/** The gateway's paths under its origin. */
export const PAYMENT_PAGE_PATH = '/paymentv2/vpcpay.html';
export const TRANSACTION_API_PATH = '/merchant_webapi/api/transaction';

/** The answer to an IPN, by verdict, as the protocol words it. */
export const IPN_ANSWERS: {
  readonly [Verdict in NotificationVerdict]: { RspCode: string; Message: string };
} = {
  bad_signature: { RspCode: '97', Message: 'Fail checksum' },
  not_found: { RspCode: '01', Message: 'Order not found' },
  bad_amount: { RspCode: '04', Message: 'Invalid amount' },
  already_confirmed: { RspCode: '02', Message: 'Order already confirmed' },
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  error: { RspCode: '99', Message: 'Unknown error' },
};

/** The fields of a querydr request that its hash covers, in order. */
export const QUERYDR_REQUEST_HASHED = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

/** The fields of a querydr answer that its hash covers, in order. */
export const QUERYDR_RESPONSE_HASHED = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

/** The querydr answer code for a transaction the gateway does not know. */
export const QUERYDR_NOT_FOUND = '91';

export const hashedValues = (
  fields: readonly string[],
  values: Record<string, string | undefined>,
): string[] => fields.map((field) => values[field] ?? '');
