import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A partner client's secret: 256 random bits, so a fast hash is enough to keep it at rest (nobody can
 * guess their way back from a SHA-256 of 2^256 possibilities); a slow hash would only cost CPU on every
 * token request (docs/partner-clients.md, "Secrets").
 */
export const newPartnerSecret = (): string => `ogp_${randomBytes(32).toString('base64url')}`;

/** What is stored of a secret: its SHA-256, in hex. */
export const partnerSecretHash = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Whether the secret is the one whose hash is stored, compared in constant time. */
export function partnerSecretMatches(secret: string, hash: string | null): boolean {
  if (!hash) return false;
  const given = Buffer.from(partnerSecretHash(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
