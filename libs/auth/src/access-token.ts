import type { AccessTokenLifetimes } from '@onegate/config';
import type { SessionChannel } from '@onegate/persistence';

/** Clock difference tolerated between the process that signed a token and the one that reads it. */
export const CLOCK_SKEW_SECONDS = 30;

export interface AccessTokenClaims {
  sub: string;
  /** The session (refresh-token family). */
  sid: string;
  ch: SessionChannel;
  /** Issued at and expires at, in seconds since the epoch (the signing library sets both). */
  iat?: number;
  exp?: number;
}

/** How long an access token of each channel lives, in seconds: the web's is the whole cookie session. */
export const accessTokenLifetime = (channel: SessionChannel, lifetimes: AccessTokenLifetimes): number =>
  channel === 'web' ? lifetimes.webSeconds : lifetimes.apiSeconds;

const isChannel = (value: unknown): value is SessionChannel => value === 'api' || value === 'web';

/**
 * Whether verified claims are ones OneGate issues (docs/identity.md): a subject, a session and a
 * channel, and an expiry no further from its issue time, nor from now, than the channel's configured
 * lifetime. A token signed with the right secret but without an expiry, or living longer (years, or
 * the lifetime before it was shortened), is refused.
 */
export function hasIssuableClaims(
  claims: Partial<AccessTokenClaims>,
  nowSeconds: number,
  lifetimes: AccessTokenLifetimes,
): boolean {
  const { sub, sid, ch, iat, exp } = claims;
  if (typeof sub !== 'string' || typeof sid !== 'string' || !isChannel(ch)) return false;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  const longest = accessTokenLifetime(ch, lifetimes) + CLOCK_SKEW_SECONDS;
  return iat <= nowSeconds + CLOCK_SKEW_SECONDS && exp - iat <= longest && exp - nowSeconds <= longest;
}
