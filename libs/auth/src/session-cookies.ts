import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'onegate_session';
export const CSRF_COOKIE = 'onegate_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FORM_FIELD = '_csrf';

/** The CSRF token of a web session: bound to the session, so a token from another session fails. */
export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function isCsrfTokenValid(offered: unknown, sessionId: string, secret: string): boolean {
  return isSameToken(offered, csrfTokenFor(sessionId, secret));
}

/**
 * Whether a token offered, as a page wrote it (masked) or as the API gave it, is `expected`, compared in
 * constant time.
 */
export function isSameToken(offered: unknown, expected: string): boolean {
  if (typeof offered !== 'string') return false;
  const given = Buffer.from(unmaskedToken(offered));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * A token as a page writes it: a fresh random pad, then the token's bytes XORed with it, so that no two
 * pages carry the same token bytes and a compressed page's size tells nothing of it (docs/portal.md,
 * "Compressed pages").
 */
export function maskedToken(token: string): string {
  const bytes = Buffer.from(token, 'base64url');
  const pad = randomBytes(bytes.length);
  return Buffer.concat([pad, xor(bytes, pad)]).toString('base64url');
}

/** The token a masked one carries; anything else as it was offered. */
export function unmaskedToken(offered: string): string {
  const bytes = Buffer.from(offered, 'base64url');
  if (bytes.length !== MASKED_BYTES || bytes.toString('base64url') !== offered) return offered;
  const half = MASKED_BYTES / 2;
  return xor(bytes.subarray(half), bytes.subarray(0, half)).toString('base64url');
}

/** A pad and a 32-byte token (an HMAC-SHA256). */
const MASKED_BYTES = 64;

function xor(bytes: Buffer, pad: Buffer): Buffer {
  return Buffer.from(bytes.map((byte, index) => byte ^ pad[index]!));
}
