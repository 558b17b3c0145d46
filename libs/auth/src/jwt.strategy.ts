import { createSecretKey } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';

import type { AuthenticatedUser } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { UserRepository } from '@onegate/persistence';

import type { AccessTokenClaims } from './access-token';
import { hasIssuableClaims } from './access-token';
import { SESSION_COOKIE } from './session-cookies';

const fromBearer = ExtractJwt.fromAuthHeaderAsBearerToken();
const fromCookie = (request: Request): string | null => {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' ? value : null;
};

/**
 * Accepts an access token from `Authorization: Bearer` (API clients) or the session cookie (web
 * pages). Its claims must be ones OneGate issues (an expiry within the channel's lifetime); the
 * account must still be active and own the session, which must not be signed out: all of it is
 * checked on every request, so deactivation and sign-out take effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  public constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([fromBearer, fromCookie]),
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key
      // on every request, which costs about a millisecond of CPU. The typings only list string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  public async validate(request: Request, claims: AccessTokenClaims): Promise<AuthenticatedUser | false> {
    const now = new Date();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (!hasIssuableClaims(claims, nowSeconds, this.config.accessTokenLifetimes)) return false;
    const user = await this.users.findActiveInLiveSession(claims.sub, claims.sid, claims.ch, now);
    if (!user) return false;
    return {
      id: user.id,
      role: user.role,
      agencyId: user.agencyId,
      sessionId: claims.sid,
      via: fromBearer(request) ? 'bearer' : 'cookie',
      channel: claims.ch,
      emailVerified: user.emailVerified,
      passwordChangeDue: user.passwordChangeDue,
    };
  }
}
