import { describe, expect, it } from 'vitest';

import { OAuthError } from '@onegate/auth';

import { clientCredentialsOf } from './client-credentials';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof OAuthError ? `${error.getStatus()} ${error.code}` : 'other error';
  }
  return 'accepted';
};

describe('client credentials of a token request (RFC 6749 §2.3.1, §4.4)', () => {
  const grant = { grant_type: 'client_credentials' };

  it('reads them from HTTP Basic, each part form-decoded, or from the body', () => {
    expect(clientCredentialsOf(basic('client-1', 'ogp_a+b/c=:d'), grant)).toEqual({
      clientId: 'client-1',
      secret: 'ogp_a+b/c=:d',
    });
    expect(clientCredentialsOf(undefined, { ...grant, client_id: 'c', client_secret: 's' })).toEqual({
      clientId: 'c',
      secret: 's',
    });
  });

  it('refuses a missing or other grant, credentials sent twice or not at all, malformed Basic', () => {
    expect(refusal(() => clientCredentialsOf(undefined, {}))).toBe('400 invalid_request');
    expect(refusal(() => clientCredentialsOf(undefined, { grant_type: 'password' }))).toBe(
      '400 unsupported_grant_type',
    );
    expect(refusal(() => clientCredentialsOf(undefined, { grant_type: ['client_credentials'] }))).toBe(
      '400 invalid_request',
    );
    expect(refusal(() => clientCredentialsOf(basic('c', 's'), { ...grant, client_id: 'c' }))).toBe(
      '400 invalid_request',
    );
    expect(refusal(() => clientCredentialsOf(undefined, grant))).toBe('401 invalid_client');
    expect(refusal(() => clientCredentialsOf(`Basic ${btoa('no colon')}`, grant))).toBe('401 invalid_client');
    expect(refusal(() => clientCredentialsOf(`Basic ${btoa('c:%E0%A4%A')}`, grant))).toBe(
      '401 invalid_client',
    );
    expect(refusal(() => clientCredentialsOf(undefined, 'grant_type=client_credentials'))).toBe(
      '400 invalid_request',
    );
  });
});
