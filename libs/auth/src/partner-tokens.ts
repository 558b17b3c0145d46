import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import type { PartnerCaller } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { PartnerClientRepository } from '@onegate/persistence';
import type { PartnerClient } from '@onegate/persistence';

import { CLOCK_SKEW_SECONDS } from './access-token';
import { partnerSecretMatches } from './partner-secret';

/** The claim that tells a partner client's token from a person's. */
const PARTNER_TOKEN_TYPE = 'partner';

interface PartnerTokenClaims {
  sub: string;
  typ: typeof PARTNER_TOKEN_TYPE;
  iat?: number;
  exp?: number;
}

/** An error of the token endpoint, answered as RFC 6749 §5.2 says: `{error, error_description}`. */
export class OAuthError extends HttpException {
  public constructor(
    public readonly code: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type',
    public readonly description: string,
    /** The registered client the refused request named, if it named one: its calls include this one. */
    public readonly clientId: string | null = null,
  ) {
    super(
      { error: code, error_description: description },
      code === 'invalid_client' ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST,
    );
  }
}

export interface IssuedPartnerToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/**
 * Partner clients' access tokens (docs/partner-clients.md): issued for the client's id and secret (the
 * current one, or the one before the last rotation during the overlap), and recognised on each call,
 * where the client is read again so that a disabled or deleted client is refused at once.
 */
@Injectable()
export class PartnerTokens {
  public constructor(
    private readonly clients: PartnerClientRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** The client whose id and secret these are, enabled; anything else is `invalid_client`. */
  public async clientWith(clientId: string, secret: string, now: Date): Promise<PartnerClient> {
    const client = /^[0-9a-f-]{36}$/i.test(clientId) ? await this.clients.findById(clientId) : null;
    if (!client) throw new OAuthError('invalid_client', 'Unknown client or wrong secret');
    const previousValid = client.previousSecretUntil !== null && client.previousSecretUntil > now;
    const matches =
      partnerSecretMatches(secret, client.secretHash) ||
      (previousValid && partnerSecretMatches(secret, client.previousSecretHash));
    if (!matches) throw new OAuthError('invalid_client', 'Unknown client or wrong secret', client.id);
    if (client.disabledAt) throw new OAuthError('invalid_client', 'This client is disabled', client.id);
    return client;
  }

  public async issue(client: PartnerClient): Promise<IssuedPartnerToken> {
    const lifetime = this.config.partners.tokenSeconds;
    const claims: PartnerTokenClaims = { sub: client.id, typ: PARTNER_TOKEN_TYPE };
    return {
      access_token: await this.jwt.signAsync(claims, { expiresIn: lifetime }),
      token_type: 'Bearer',
      expires_in: lifetime,
      scope: client.scopes.join(' '),
    };
  }

  /** The caller a partner token stands for; null when the token or its client is not (or no longer) valid. */
  public async callerOf(token: string, now: Date): Promise<PartnerCaller | null> {
    const claims = await this.jwt
      .verifyAsync<PartnerTokenClaims>(token, { algorithms: ['HS256'] })
      .catch(() => null);
    if (!claims || claims.typ !== PARTNER_TOKEN_TYPE || typeof claims.sub !== 'string') return null;
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const longest = this.config.partners.tokenSeconds + CLOCK_SKEW_SECONDS;
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number') return null;
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS || exp - iat > longest || exp - nowSeconds > longest)
      return null;
    const client = await this.clients.findById(claims.sub);
    if (!client || client.disabledAt) return null;
    return { clientId: client.id, scopes: client.scopes, agencyIds: client.agencyIds };
  }
}

/** Whether a bearer token says it is a partner client's (its signature is checked afterwards). */
export function isPartnerToken(token: string): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    return (
      (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { typ?: unknown }).typ ===
      PARTNER_TOKEN_TYPE
    );
  } catch {
    return false;
  }
}
