import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'onegate_session';
export const CSRF_COOKIE = 'onegate_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FORM_FIELD = '_csrf';

/** The CSRF token of a web session: bound to the session, so a token from another session fails. */
export function csrfTokenFor(sessionId: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function isCsrfTokenValid(offered: unknown, sessionId: string, secret: string): boolean {
  if (typeof offered !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionId, secret));
  const given = Buffer.from(offered);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
