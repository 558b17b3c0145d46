import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import {
  AuditEventRepository,
  RefreshTokenRepository,
  SessionChannel,
  User,
  UserRepository,
} from '@onegate/persistence';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const WEB_SESSION_TTL_SECONDS = 12 * 60 * 60;
const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

export interface AccessTokenClaims {
  sub: string;
  /** The session (refresh-token family). */
  sid: string;
  ch: SessionChannel;
}

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_REFRESH = 'The refresh token is invalid, expired or already used: sign in again';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sign-in sessions. Each sign-in opens a family of refresh tokens; a refresh spends its token and
 * issues the next; presenting a spent token again revokes the whole family (it was stolen or replayed).
 */
@Injectable()
export class SessionService {
  public constructor(
    private readonly jwt: JwtService,
    private readonly tokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  public async start(user: User, channel: SessionChannel): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const lifetimeMs = channel === 'web' ? WEB_SESSION_TTL_SECONDS * 1000 : REFRESH_TOKEN_TTL_MS;
    return this.issue(user.id, sessionId, channel, lifetimeMs);
  }

  public async refresh(presented: string, ip: string | null): Promise<IssuedSession> {
    const now = new Date();
    const token = await this.tokens.findByHash(hashToken(presented));
    if (!token || token.channel !== 'api' || token.revokedAt || token.expiresAt <= now) {
      throw new UnauthorizedException(INVALID_REFRESH);
    }
    if (token.usedAt || !(await this.tokens.spend(token.id, now))) {
      await this.tokens.revokeFamily(token.familyId, now);
      await this.audit.append({
        type: 'refresh_token_reused',
        subjectId: token.userId,
        ip,
        details: { sessionId: token.familyId },
      });
      throw new UnauthorizedException(INVALID_REFRESH);
    }
    const user = await this.users.findById(token.userId);
    if (!user?.active) throw new UnauthorizedException(INVALID_REFRESH);
    return this.issue(user.id, token.familyId, 'api', REFRESH_TOKEN_TTL_MS);
  }

  public async end(sessionId: string): Promise<void> {
    await this.tokens.revokeFamily(sessionId, new Date());
  }

  public async endAllOf(userId: string): Promise<void> {
    await this.tokens.revokeAllOfUser(userId, new Date());
  }

  private async issue(userId: string, sessionId: string, channel: SessionChannel, lifetimeMs: number) {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.tokens.insert({
      id: randomUUID(),
      familyId: sessionId,
      userId,
      tokenHash: hashToken(refreshToken),
      channel,
      createdAt: new Date(now),
      expiresAt: new Date(now + lifetimeMs),
      usedAt: null,
      revokedAt: null,
    });
    const expiresIn = channel === 'web' ? WEB_SESSION_TTL_SECONDS : ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId, ch: channel };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { sessionId, accessToken, refreshToken, expiresIn };
  }
}
