import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { AppConfig } from '@onegate/config';
import {
  AuditEventRepository,
  RefreshToken,
  RefreshTokenRepository,
  SessionChannel,
  TransactionRunner,
  User,
  UserRepository,
} from '@onegate/persistence';

import type { AccessTokenClaims } from './access-token';
import { accessTokenLifetime } from './access-token';

const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_REFRESH = 'The refresh token is invalid, expired or already used: sign in again';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

type Rotation = 'rotated' | 'reused' | 'refused';

/**
 * Sign-in sessions. Each sign-in opens a family of refresh tokens; a refresh spends its token and
 * issues the next; presenting a spent token again revokes the whole family (it was stolen or replayed).
 * Spending, issuing and revoking happen in one transaction holding the session's lock, so a session
 * ends either wholly revoked or with exactly one unspent token (docs/identity.md).
 */
@Injectable()
export class SessionService {
  public constructor(
    private readonly jwt: JwtService,
    private readonly tokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  public async start(user: User, channel: SessionChannel): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const lifetimeMs =
      channel === 'web' ? this.config.accessTokenLifetimes.webSeconds * 1000 : REFRESH_TOKEN_TTL_MS;
    const { secret, row } = newRefreshToken(user.id, sessionId, channel, lifetimeMs);
    await this.tokens.insert(row);
    return this.issued(user.id, sessionId, channel, secret);
  }

  public async refresh(presented: string, ip: string | null): Promise<IssuedSession> {
    const now = new Date();
    const found = await this.tokens.findByHash(hashToken(presented));
    if (!found || found.channel !== 'api') throw new UnauthorizedException(INVALID_REFRESH);
    const user = await this.users.findById(found.userId);
    if (!user?.active) throw new UnauthorizedException(INVALID_REFRESH);
    const next = newRefreshToken(user.id, found.familyId, 'api', REFRESH_TOKEN_TTL_MS);
    const rotation = await this.transactions.run(async (manager): Promise<Rotation> => {
      await this.tokens.lockSession(manager, found.familyId);
      // Read again under the lock: a concurrent refresh or sign-out may have changed it meanwhile.
      const token = await this.tokens.findById(manager, found.id);
      if (!token || (!token.usedAt && (token.revokedAt || token.expiresAt <= now))) return 'refused';
      // A spent token presented again was stolen or replayed. The spend's own condition is a second guard.
      if (token.usedAt || !(await this.tokens.spend(manager, token.id, now))) {
        await this.tokens.revokeFamily(manager, token.familyId, now);
        return 'reused';
      }
      await this.tokens.insert(next.row, manager);
      return 'rotated';
    });
    if (rotation === 'reused') {
      await this.audit.append({
        type: 'refresh_token_reused',
        subjectId: found.userId,
        ip,
        details: { sessionId: found.familyId },
      });
    }
    if (rotation !== 'rotated') throw new UnauthorizedException(INVALID_REFRESH);
    return this.issued(user.id, found.familyId, 'api', next.secret);
  }

  public async end(sessionId: string): Promise<void> {
    const now = new Date();
    await this.transactions.run(async (manager) => {
      await this.tokens.lockSession(manager, sessionId);
      await this.tokens.revokeFamily(manager, sessionId, now);
    });
  }

  /** Signing out: the session ends and the audit log records who left, from where. */
  public async signOut(user: { id: string; sessionId: string }, ip: string | null): Promise<void> {
    await this.end(user.sessionId);
    await this.audit.append({ type: 'signed_out', actorId: user.id, subjectId: user.id, ip });
  }

  /** Signs the account out everywhere, or everywhere but the session `keep`. */
  public async endAllOf(userId: string, keep?: string): Promise<void> {
    const now = new Date();
    await this.transactions.run(async (manager) => {
      // In a fixed order, so that two of these never wait for each other.
      for (const sessionId of await this.tokens.liveSessionsOf(manager, userId)) {
        if (sessionId !== keep) await this.tokens.lockSession(manager, sessionId);
      }
      await this.tokens.revokeAllOfUser(manager, userId, now, keep);
    });
  }

  private async issued(
    userId: string,
    sessionId: string,
    channel: SessionChannel,
    refreshToken: string,
  ): Promise<IssuedSession> {
    const expiresIn = accessTokenLifetime(channel, this.config.accessTokenLifetimes);
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId, ch: channel };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { sessionId, accessToken, refreshToken, expiresIn };
  }
}

function newRefreshToken(userId: string, familyId: string, channel: SessionChannel, lifetimeMs: number) {
  const secret = randomBytes(32).toString('base64url');
  const now = Date.now();
  const row: RefreshToken = {
    id: randomUUID(),
    familyId,
    userId,
    tokenHash: hashToken(secret),
    channel,
    createdAt: new Date(now),
    expiresAt: new Date(now + lifetimeMs),
    usedAt: null,
    revokedAt: null,
  };
  return { secret, row };
}
