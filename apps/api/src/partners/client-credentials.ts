import { OAuthError } from '@onegate/auth';

export interface ClientCredentials {
  clientId: string;
  secret: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The grant and the client's credentials of a token request (RFC 6749 §4.4, §2.3.1): HTTP Basic with the
 * form-encoded id and secret, or `client_id` and `client_secret` in the body, never both.
 */
export function clientCredentialsOf(authorization: string | undefined, body: unknown): ClientCredentials {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const grant = text(fields.grant_type);
  if (grant === undefined) throw new OAuthError('invalid_request', 'grant_type is required');
  if (grant !== 'client_credentials')
    throw new OAuthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported');
  const inBody = fields.client_id !== undefined || fields.client_secret !== undefined;
  if (authorization?.startsWith('Basic ')) {
    if (inBody) throw new OAuthError('invalid_request', 'Send the client credentials one way only');
    const decoded = Buffer.from(authorization.slice('Basic '.length).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials');
    return {
      clientId: safeDecode(decoded.slice(0, colon)),
      secret: safeDecode(decoded.slice(colon + 1)),
    };
  }
  const clientId = text(fields.client_id);
  const secret = text(fields.client_secret);
  if (!clientId || !secret)
    throw new OAuthError('invalid_client', 'client_id and client_secret are required');
  return { clientId, secret };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  }
}
