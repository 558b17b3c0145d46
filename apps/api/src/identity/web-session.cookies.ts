import type { CookieOptions, Response } from 'express';

import type { IssuedSession } from '@onegate/auth';
import { CSRF_COOKIE, csrfTokenFor, SESSION_COOKIE } from '@onegate/auth';
import type { AppConfig } from '@onegate/config';

function cookieOptions(config: AppConfig, httpOnly: boolean): CookieOptions {
  return {
    httpOnly,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/',
    maxAge: config.accessTokenLifetimes.webSeconds * 1000,
  };
}

/** The web session: the access token in an httpOnly cookie, and its CSRF token in a readable one. */
export function setWebSessionCookies(response: Response, session: IssuedSession, config: AppConfig): string {
  const csrfToken = csrfTokenFor(session.sessionId, config.jwtSecret);
  response.cookie(SESSION_COOKIE, session.accessToken, cookieOptions(config, true));
  response.cookie(CSRF_COOKIE, csrfToken, cookieOptions(config, false));
  return csrfToken;
}

export function clearWebSessionCookies(response: Response, config: AppConfig): void {
  const { maxAge: _maxAge, ...options } = cookieOptions(config, true);
  response.clearCookie(SESSION_COOKIE, options);
  response.clearCookie(CSRF_COOKIE, { ...options, httpOnly: false });
}
