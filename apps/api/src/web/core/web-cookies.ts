import { createHmac, randomBytes } from 'node:crypto';

import type { CookieOptions, Request, Response } from 'express';

import { isSameToken } from '@onegate/auth';
import type { Language } from '@onegate/domain';

import { DEFAULT_LANGUAGE, isLanguage } from './messages';

export const LANGUAGE_COOKIE = 'onegate_lang';
/** The browser's secret half of the double-submit token that guards the sign-in and sign-up forms. */
export const FORM_COOKIE = 'onegate_form';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const cookiesOf = (request: Request) => (request.cookies ?? {}) as Record<string, unknown>;

export function languageOf(request: Request): Language {
  const chosen = cookiesOf(request)[LANGUAGE_COOKIE];
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
}

export function rememberLanguage(response: Response, language: Language, secure: boolean): void {
  response.cookie(LANGUAGE_COOKIE, language, { sameSite: 'lax', secure, path: '/', maxAge: ONE_YEAR_MS });
}

/**
 * The token public forms carry: an HMAC of a random value kept in an httpOnly cookie. Another site
 * can make a browser send the cookie, but cannot read it or the page to learn the token.
 */
export function publicFormToken(
  request: Request,
  response: Response,
  secret: string,
  secure: boolean,
): string {
  let value = cookiesOf(request)[FORM_COOKIE];
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
    value = randomBytes(32).toString('base64url');
    const options: CookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/' };
    response.cookie(FORM_COOKIE, value, options);
    // Later reads in this request see the new value.
    cookiesOf(request)[FORM_COOKIE] = value;
  }
  return signFormValue(value as string, secret);
}

export function isPublicFormTokenValid(request: Request, offered: unknown, secret: string): boolean {
  const value = cookiesOf(request)[FORM_COOKIE];
  return typeof value === 'string' && isSameToken(offered, signFormValue(value, secret));
}

const signFormValue = (value: string, secret: string) =>
  createHmac('sha256', secret).update(`form:${value}`).digest('base64url');

/** Only paths on this site: `next=//evil.example` or `next=https://…` go home instead. */
export function localPath(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;
}
