/**
 * What OneGate needs of a payment gateway (docs/payments.md). VNPAY is one module behind it; another
 * gateway (the national payment platform) is one more module with the same four doors.
 */
export interface PaymentOrder {
  /** OneGate's unique reference of this payment at the gateway. */
  txnRef: string;
  amountVnd: number;
  /** Shown to the citizen at the gateway: plain ASCII words, no personal data. */
  orderInfo: string;
  language: 'vi' | 'en';
  returnUrl: string;
  /** The citizen's IP address, as the gateway asks for it. */
  ipAddress: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What the gateway says happened to one payment, once its signature is checked. */
export interface GatewayOutcome {
  txnRef: string;
  amountVnd: number;
  /** The money was taken. */
  succeeded: boolean;
  /** The gateway's own codes, kept for the record and the citizen's page. */
  responseCode: string;
  transactionNo: string | null;
  bankCode: string | null;
  paidAt: Date | null;
}

/** A message from the gateway: its outcome, or null when its signature does not hold. */
export type GatewayReading = GatewayOutcome | null;

/** How OneGate judged a payment notification, in the order it checks (docs/payments.md, "The notification"). */
export type NotificationVerdict =
  'bad_signature' | 'not_found' | 'bad_amount' | 'already_confirmed' | 'confirmed' | 'error';

/** What a transaction query found: the gateway's outcome, still under way, or nothing known of it. */
export type QueryResult =
  { kind: 'settled'; outcome: GatewayOutcome } | { kind: 'pending' } | { kind: 'unknown' };

export interface TransactionQuery {
  txnRef: string;
  orderInfo: string;
  createdAt: Date;
  now: Date;
}

export interface PaymentProvider {
  /** Where the citizen's browser goes to pay. */
  paymentUrl(order: PaymentOrder): string;
  /** The browser's return: read for the citizen's page only, it changes nothing. */
  readReturn(query: Record<string, string>): GatewayReading;
  /** The gateway's server-to-server notification. */
  readNotification(query: Record<string, string>): GatewayReading;
  /** The body OneGate answers a notification with, for a verdict. */
  answerNotification(verdict: NotificationVerdict): object;
  /** Asks the gateway what became of a payment (reconciliation). */
  query(request: TransactionQuery): Promise<QueryResult>;
}

/** The provider OneGate uses, injected by this token. */
export const PAYMENT_PROVIDER = Symbol('PaymentProvider');
