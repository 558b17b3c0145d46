import { createHmac, timingSafeEqual } from 'node:crypto';

import { HttpException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { CookieOptions, Request } from 'express';
import { Strategy } from 'passport-strategy';

import { AppConfig } from '@onegate/config';
import { User } from '@onegate/persistence';

import { CitizenLinkerService } from './citizen-linker.service';
import { OidcChecks, OidcClaims, OidcClientService } from './oidc-client.service';

export const OIDC_STATE_COOKIE = 'onegate_oidc';
export const OIDC_NOT_CONFIGURED = 'National identity sign-in is not configured';
const OIDC_COOKIE_PATH = '/api/auth/oidc';
const STATE_TTL_MS = 10 * 60_000;
const START_AGAIN = 'National identity sign-in expired or was not started here: start it again';
const REFUSED = 'National identity sign-in failed: start it again';

/**
 * Sign-in through the national identity provider (OpenID Connect, authorization code with PKCE).
 * Without an authorization response in the query it sends the browser to the provider, keeping the
 * sign-in's state, nonce and PKCE verifier in a short-lived signed cookie; with one, it checks that
 * cookie, redeems the code and answers with the linked citizen.
 */
@Injectable()
export class OidcStrategy extends PassportStrategy(Strategy, 'oidc') {
  private readonly logger = new Logger(OidcStrategy.name);

  public constructor(
    private readonly client: OidcClientService,
    private readonly linker: CitizenLinkerService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  public override authenticate(request: Request): void {
    this.handle(request).catch((error: unknown) =>
      this.error(error instanceof Error ? error : new Error(String(error))),
    );
  }

  public validate(claims: OidcClaims, ip: string | null): Promise<User> {
    return this.linker.link(claims, ip);
  }

  private async handle(request: Request): Promise<void> {
    if (!this.config.oidc) throw new NotFoundException(OIDC_NOT_CONFIGURED);
    return isAuthorizationResponse(request) ? this.finish(request) : this.start(request);
  }

  private async start(request: Request): Promise<void> {
    const { url, checks } = await this.client.startAuthorization();
    request.res!.cookie(OIDC_STATE_COOKIE, sealChecks(checks, this.config.jwtSecret), {
      ...this.cookieOptions(),
      maxAge: STATE_TTL_MS,
    });
    this.redirect(url.href);
  }

  private async finish(request: Request): Promise<void> {
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const checks = unsealChecks(cookies?.[OIDC_STATE_COOKIE], this.config.jwtSecret);
    // One sign-in, one use: a replayed callback finds no checks.
    request.res!.clearCookie(OIDC_STATE_COOKIE, this.cookieOptions());
    if (!checks) throw new UnauthorizedException(START_AGAIN);
    const claims = await this.client
      .finishAuthorization(this.callbackUrl(request), checks)
      .catch((error: unknown) => {
        if (error instanceof HttpException) throw error;
        this.logger.warn({ err: error }, 'national identity sign-in refused');
        throw new UnauthorizedException(REFUSED);
      });
    this.success(await this.validate(claims, request.ip ?? null));
  }

  /** The redirect URI the provider was given, with the authorization response it added. */
  private callbackUrl(request: Request): URL {
    const url = new URL(this.client.redirectUri);
    url.search = new URL(request.originalUrl, url).search;
    return url;
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.isProduction, path: OIDC_COOKIE_PATH };
  }
}

function isAuthorizationResponse(request: Request): boolean {
  return request.query.code !== undefined || request.query.error !== undefined;
}

interface SealedChecks extends OidcChecks {
  expiresAt: number;
}

const macOf = (payload: string, secret: string): string =>
  createHmac('sha256', secret).update(`oidc-state:${payload}`).digest('base64url');

/** The checks as `payload.mac`: the browser carries them but cannot change them, and they lapse in ten minutes. */
function sealChecks(checks: OidcChecks, secret: string): string {
  const sealed: SealedChecks = { ...checks, expiresAt: Date.now() + STATE_TTL_MS };
  const payload = Buffer.from(JSON.stringify(sealed)).toString('base64url');
  return `${payload}.${macOf(payload, secret)}`;
}

function unsealChecks(cookie: unknown, secret: string): OidcChecks | null {
  if (typeof cookie !== 'string') return null;
  const [payload, mac, ...rest] = cookie.split('.');
  if (!payload || !mac || rest.length > 0) return null;
  const expected = Buffer.from(macOf(payload, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const sealed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SealedChecks>;
  const { state, nonce, codeVerifier, expiresAt } = sealed;
  if (typeof expiresAt !== 'number' || expiresAt <= Date.now()) return null;
  if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string') return null;
  return { state, nonce, codeVerifier };
}
