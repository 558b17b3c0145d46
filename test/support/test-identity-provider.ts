import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import { AppConfig } from '@onegate/config';

import { newCitizen } from './accounts';
import { freePort } from './processes';
import type { TestStackOptions } from './test-stack';

export const CLIENT_ID = 'onegate';
export const CLIENT_SECRET = 'a secret shared with the test provider only';

// oidc-provider ships no type declarations: what the tests use of it, typed by hand. The module name is
// a variable so the compiler does not look for declarations.
const OIDC_PROVIDER_MODULE = 'oidc-provider';

interface ProviderInteraction {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id: string };
  session?: { accountId?: string };
  grantId?: string;
}

interface ProviderGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}

interface KoaContext {
  path: string;
  query: Record<string, unknown>;
  req: IncomingMessage;
  res: ServerResponse;
  respond: boolean;
}

interface OpenIdProvider {
  Grant: {
    new (init: { accountId: string; clientId: string }): ProviderGrant;
    find(id: string): Promise<ProviderGrant | undefined>;
  };
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<ProviderInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
}

export interface ProviderAccount {
  national_id: string;
  name: string;
  email: string;
}

export interface TestIdentityProvider {
  issuer: string;
  /** OneGate's callback, the one redirect URI the provider accepts. */
  callbackUrl: string;
  /** Adds a citizen to the provider (a fresh valid national ID unless one is given); `id` signs it in. */
  addAccount(overrides?: Partial<ProviderAccount>): { id: string } & ProviderAccount;
  /** OneGate's configuration, signing citizens in through this provider. */
  configure(config: AppConfig): AppConfig;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider standing in for the national one, with one client (OneGate, PKCE required)
 * and accounts the tests add. It shows oidc-provider's own sign-in and consent pages, where the login
 * is an account's id (any password); a client speaking plain HTTP skips both pages by adding the
 * account's id as the `account` query parameter of the interaction address.
 */
export async function startTestIdentityProvider(apiUrl: string): Promise<TestIdentityProvider> {
  const { default: Provider } = (await import(OIDC_PROVIDER_MODULE)) as {
    default: new (issuer: string, configuration: object) => OpenIdProvider;
  };
  const port = await freePort();
  const accounts = new Map<string, ProviderAccount>();
  const issuer = `http://127.0.0.1:${port}`;
  const callbackUrl = `${apiUrl}/api/auth/oidc/callback`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email'],
      national_id: ['national_id'],
    },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, accountId: string) => {
      const account = accounts.get(accountId);
      return account && { accountId, claims: () => ({ sub: accountId, ...account }) };
    },
    cookies: { keys: ['a cookie key of the test provider'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/') || ctx.query.account === undefined) return next();
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    ctx.respond = false;
    if (interaction.prompt.name === 'login') {
      const accountId = String(ctx.query.account);
      return provider.interactionFinished(
        ctx.req,
        ctx.res,
        { login: { accountId } },
        { mergeWithLastSubmission: false },
      );
    }
    const { missingOIDCScope = [], missingOIDCClaims = [] } = interaction.prompt.details;
    const grant = interaction.grantId
      ? (await provider.Grant.find(interaction.grantId))!
      : new provider.Grant({
          accountId: interaction.session!.accountId!,
          clientId: interaction.params.client_id,
        });
    grant.addOIDCScope(missingOIDCScope.join(' '));
    grant.addOIDCClaims(missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      ctx.req,
      ctx.res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
  return {
    issuer,
    callbackUrl,
    addAccount(overrides = {}) {
      const citizen = newCitizen();
      const account = {
        national_id: citizen.nationalId,
        name: 'Phạm Văn Công',
        email: citizen.email,
        ...overrides,
      };
      const id = `account-${accounts.size + 1}`;
      accounts.set(id, account);
      return { id, ...account };
    },
    configure: (config) =>
      new AppConfig({
        ...config,
        publicUrl: apiUrl,
        oidc: {
          issuerUrl: issuer,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          nationalIdClaim: 'national_id',
        },
      }),
    stop: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts the test provider and the options for a TestStack that signs citizens in through it: the
 * API's port is chosen first, since the provider must know OneGate's callback address.
 */
export async function withTestIdentityProvider(
  options: TestStackOptions = {},
): Promise<{ provider: TestIdentityProvider; options: TestStackOptions }> {
  const apiPort = await freePort();
  const provider = await startTestIdentityProvider(`http://127.0.0.1:${apiPort}`);
  const configure = options.configure;
  return {
    provider,
    options: {
      ...options,
      apiPort,
      configure: (config) => provider.configure(configure ? configure(config) : config),
    },
  };
}
