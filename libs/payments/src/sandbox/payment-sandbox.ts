import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  amountFromGateway,
  fromVietnamTime,
  gatewayAmount,
  pipeHash,
  sameHash,
  signatureHolds,
  signParams,
} from '../vnpay/vnpay-signature';
import {
  hashedValues,
  PAYMENT_PAGE_PATH,
  QUERYDR_NOT_FOUND,
  QUERYDR_REQUEST_HASHED,
  QUERYDR_RESPONSE_HASHED,
  TRANSACTION_API_PATH,
} from '../vnpay/vnpay-messages';
import { checkoutPage, refusedPage } from './sandbox-page';
import { vietnamTime } from '@onegate/platform';

export type SandboxChoice = 'pay' | 'fail' | 'cancel';

/** What the customer's choice makes the gateway answer: response code and transaction status. */
const CHOICE_CODES: { readonly [Choice in SandboxChoice]: { response: string; status: string } } = {
  pay: { response: '00', status: '00' },
  fail: { response: '51', status: '02' },
  cancel: { response: '24', status: '02' },
};
const CHOOSE_PATH = '/paymentv2/choose';
const BODY_LIMIT = 4096;

interface SandboxOrder {
  params: Record<string, string>;
  /** The signed result once the customer chose. */
  result: Record<string, string> | null;
}

/** How a test bends a notice: another amount, a signature from the wrong secret. */
export interface NoticeTweaks {
  amountVnd?: number;
  forged?: boolean;
}

export interface SandboxOptions {
  port: number;
  host?: string;
  tmnCode: string;
  hashSecret: string;
  /** OneGate's IPN address (set later with `setIpnUrl` when it is not known yet). */
  ipnUrl?: string;
  /** The sandbox's clock for payment deadlines; tests give it OneGate's. */
  now?: () => Date;
}

export interface PaymentSandbox {
  readonly url: string;
  setIpnUrl(url: string): void;
  /** The customer's choice without sending a notice, as when the notice is lost (reconciliation). */
  chooseSilently(txnRef: string, choice: SandboxChoice): Record<string, string>;
  /** Sends the notice of a chosen order again (a duplicate, a late one), bent as asked; OneGate's answer. */
  notify(txnRef: string, tweaks?: NoticeTweaks): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A local gateway speaking VNPAY 2.1.0 for development and tests: the payment page, the notice to
 * OneGate and the browser's return, and querydr (docs/payments.md, "The sandbox").
 */
export async function startPaymentSandbox(options: SandboxOptions): Promise<PaymentSandbox> {
  const orders = new Map<string, SandboxOrder>();
  let ipnUrl = options.ipnUrl ?? '';
  const now = options.now ?? (() => new Date());

  const sign = (params: Record<string, string>, secret = options.hashSecret): Record<string, string> => ({
    ...params,
    vnp_SecureHash: signParams(params, secret),
  });

  function choose(txnRef: string, choice: SandboxChoice): Record<string, string> {
    const order = orders.get(txnRef);
    if (!order) throw new Error(`The sandbox has no order ${txnRef}`);
    const codes = CHOICE_CODES[choice];
    order.result ??= sign({
      vnp_Amount: order.params.vnp_Amount,
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: `VNP${randomInt(10_000_000, 99_999_999)}`,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: order.params.vnp_OrderInfo,
      vnp_PayDate: vietnamTime(now()),
      vnp_ResponseCode: codes.response,
      vnp_TmnCode: options.tmnCode,
      vnp_TransactionNo: String(randomInt(10_000_000, 99_999_999)),
      vnp_TransactionStatus: codes.status,
      vnp_TxnRef: txnRef,
    });
    return order.result;
  }

  async function notify(txnRef: string, tweaks: NoticeTweaks = {}): Promise<Record<string, string>> {
    const result = orders.get(txnRef)?.result;
    if (!result) throw new Error(`The sandbox's order ${txnRef} has no result to notify`);
    const { vnp_SecureHash: _hash, ...params } = result;
    if (tweaks.amountVnd !== undefined) params.vnp_Amount = gatewayAmount(tweaks.amountVnd);
    const signed = sign(params, tweaks.forged ? `${options.hashSecret}-forged` : options.hashSecret);
    const response = await fetch(`${ipnUrl}?${new URLSearchParams(signed).toString()}`);
    return (await response.json()) as Record<string, string>;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (request.method === 'GET' && url.pathname === PAYMENT_PAGE_PATH) return checkout(url, response);
    if (request.method === 'POST' && url.pathname === CHOOSE_PATH) return customerChose(request, response);
    if (request.method === 'POST' && url.pathname === TRANSACTION_API_PATH) return queryDr(request, response);
    send(response, 404, 'text/plain', 'Not found');
  }

  function checkout(url: URL, response: ServerResponse): void {
    const params = Object.fromEntries(url.searchParams);
    if (!signatureHolds(params, options.hashSecret) || params.vnp_TmnCode !== options.tmnCode) {
      return send(response, 400, 'text/html', refusedPage('Sai chữ ký', 'Invalid signature'));
    }
    const expiresAt = fromVietnamTime(params.vnp_ExpireDate);
    if (!expiresAt || expiresAt.getTime() < now().getTime()) {
      return send(
        response,
        400,
        'text/html',
        refusedPage('Giao dịch đã hết hạn', 'The transaction has expired'),
      );
    }
    if (!orders.has(params.vnp_TxnRef)) orders.set(params.vnp_TxnRef, { params, result: null });
    const amountVnd = amountFromGateway(params.vnp_Amount) ?? 0;
    send(
      response,
      200,
      'text/html',
      checkoutPage({ txnRef: params.vnp_TxnRef, amountVnd, orderInfo: params.vnp_OrderInfo }),
    );
  }

  async function customerChose(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const txnRef = form.get('txnRef') ?? '';
    const choice = form.get('choice') as SandboxChoice;
    const order = orders.get(txnRef);
    if (!order || !(choice in CHOICE_CODES))
      return send(response, 400, 'text/html', refusedPage('Giao dịch không hợp lệ', 'Invalid transaction'));
    const result = choose(txnRef, choice);
    await notify(txnRef).catch(() => undefined); // OneGate away: reconciliation finds the result later
    response.writeHead(303, {
      location: `${order.params.vnp_ReturnUrl}?${new URLSearchParams(result).toString()}`,
    });
    response.end();
  }

  async function queryDr(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(request)) as Record<string, string>;
    if (
      !sameHash(pipeHash(options.hashSecret, hashedValues(QUERYDR_REQUEST_HASHED, body)), body.vnp_SecureHash)
    ) {
      return send(
        response,
        200,
        'application/json',
        JSON.stringify({ vnp_ResponseCode: '97', vnp_Message: 'Invalid checksum' }),
      );
    }
    const order = orders.get(body.vnp_TxnRef);
    const result = order?.result;
    const answer: Record<string, string> = {
      vnp_ResponseId: body.vnp_RequestId,
      vnp_Command: 'querydr',
      vnp_ResponseCode: order ? '00' : QUERYDR_NOT_FOUND,
      vnp_Message: order ? 'Success' : 'Transaction not found',
      vnp_TmnCode: options.tmnCode,
      vnp_TxnRef: body.vnp_TxnRef,
      vnp_Amount: order?.params.vnp_Amount ?? '',
      vnp_BankCode: result?.vnp_BankCode ?? '',
      vnp_PayDate: result?.vnp_PayDate ?? '',
      vnp_TransactionNo: result?.vnp_TransactionNo ?? '',
      vnp_TransactionType: '01',
      // 01: the customer has not chosen yet.
      vnp_TransactionStatus: order ? (result?.vnp_TransactionStatus ?? '01') : '',
      vnp_OrderInfo: order?.params.vnp_OrderInfo ?? '',
      vnp_PromotionCode: '',
      vnp_PromotionAmount: '',
    };
    answer.vnp_SecureHash = pipeHash(options.hashSecret, hashedValues(QUERYDR_RESPONSE_HASHED, answer));
    send(response, 200, 'application/json', JSON.stringify(answer));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain', 'Sandbox error'));
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setIpnUrl: (url) => {
      ipnUrl = url;
    },
    chooseSilently: choose,
    notify,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > BODY_LIMIT) throw new Error('The request body is too large');
  }
  return body;
}
