import { createHmac, timingSafeEqual } from 'node:crypto';

/** VNPAY protocol 2.1.0, the signature and dates both sides use (docs/payments.md, "VNPAY protocol"). */
export const VNPAY_VERSION = '2.1.0';

const UNSIGNED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Form-urlencoding as the gateway does it: encodeURIComponent, with a space as '+'. */
const formEncode = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');

/** Every non-empty vnp_* parameter but the hash itself, sorted by key, encoded, as `k=v&k=v`. */
export function signedText(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && !UNSIGNED.has(key) && params[key] !== '')
    .sort()
    .map((key) => `${formEncode(key)}=${formEncode(params[key])}`)
    .join('&');
}

export const hmacSha512 = (secret: string, text: string): string =>
  createHmac('sha512', secret).update(text, 'utf8').digest('hex');

export const signParams = (params: Record<string, string>, secret: string): string =>
  hmacSha512(secret, signedText(params));

/** Compares in constant time, so the time taken tells nothing of how much of a forged hash matched. */
export function sameHash(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(given.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const signatureHolds = (params: Record<string, string>, secret: string): boolean =>
  sameHash(signParams(params, secret), params.vnp_SecureHash);

/** The pipe-joined hash of the transaction API (querydr, refund). */
export const pipeHash = (secret: string, fields: readonly string[]): string =>
  hmacSha512(secret, fields.join('|'));

/** The instant of a `yyyyMMddHHmmss` Viet Nam time, or null when it is not one. */
export function fromVietnamTime(text: string | undefined): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const at = Date.UTC(year, month - 1, day, hour, minute, second) - VIETNAM_OFFSET_MS;
  return Number.isNaN(at) ? null : new Date(at);
}

/** VND as the gateway counts it: hundredths. */
export const gatewayAmount = (amountVnd: number): string => String(amountVnd * 100);

export function amountFromGateway(text: string | undefined): number | null {
  if (!text || !/^\d{1,18}$/.test(text)) return null;
  const hundredths = Number(text);
  return hundredths % 100 === 0 ? hundredths / 100 : null;
}
