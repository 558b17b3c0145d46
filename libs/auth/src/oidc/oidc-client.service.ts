import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import type * as openid from 'openid-client';

import { AppConfig, OidcConfig } from '@onegate/config';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** What OneGate asks the provider for; the `national_id` scope releases the national ID number claim. */
export const OIDC_SCOPE = 'openid profile email national_id';

/** The one-time values of one sign-in, kept by the browser between the redirect and the callback. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type OidcClaims = Readonly<Record<string, unknown>>;

/** Loaded at the first national-identity sign-in, not at start-up: most deployments never configure it. */
const openidClient = () => import('openid-client');

/** The OpenID Connect relying party: authorization URLs out, verified claims back. */
@Injectable()
export class OidcClientService {
  private discovered: Promise<openid.Configuration> | null = null;

  public constructor(private readonly config: AppConfig) {}

  public get redirectUri(): string {
    return `${this.config.publicUrl}${OIDC_CALLBACK_PATH}`;
  }

  /** Where to send the browser, with PKCE (S256), state and nonce; the checks must come back with it. */
  public async startAuthorization(): Promise<{ url: URL; checks: OidcChecks }> {
    const client = await openidClient();
    const configuration = await this.configuration();
    const checks: OidcChecks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: OIDC_SCOPE,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Checks the provider's answer against the sign-in's checks, redeems the code and returns the ID
   * token's claims, completed from the userinfo endpoint when the ones OneGate needs are not all there.
   */
  public async finishAuthorization(callbackUrl: URL, checks: OidcChecks): Promise<OidcClaims> {
    const client = await openidClient();
    const configuration = await this.configuration();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('The provider answered without an ID token');
    const needed = [this.settings().nationalIdClaim, 'name', 'email'];
    if (needed.every((claim) => claim in idToken) || !configuration.serverMetadata().userinfo_endpoint) {
      return { ...idToken };
    }
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return { ...userInfo, ...idToken };
  }

  /** Discovered on first use, not at boot, so OneGate starts even while the provider is unreachable. */
  private configuration(): Promise<openid.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null;
      throw new ServiceUnavailableException(
        'The national identity provider cannot be reached: try again later',
        {
          cause: error,
        },
      );
    });
    return this.discovered;
  }

  private discover(): Promise<openid.Configuration> {
    const { issuerUrl, clientId, clientSecret } = this.settings();
    const issuer = new URL(issuerUrl);
    // Plain HTTP only for a provider run locally in development or tests; production needs HTTPS.
    const insecure = issuer.protocol === 'http:' && !this.config.isProduction;
    return openidClient().then((client) =>
      client.discovery(issuer, clientId, clientSecret, undefined, {
        execute: insecure ? [client.allowInsecureRequests] : [],
      }),
    );
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new Error('National identity sign-in is not configured');
    return this.config.oidc;
  }
}
