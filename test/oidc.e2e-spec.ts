import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OIDC_STATE_COOKIE, SESSION_COOKIE } from '@onegate/auth';
import { hashNationalId } from '@onegate/config';
import { AuditEvent, User } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, newCitizen } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import type { ProviderAccount, TestIdentityProvider } from './support/test-identity-provider';
import { withTestIdentityProvider } from './support/test-identity-provider';
import { TestStack } from './support/test-stack';

const NOT_CONFIGURED = 'National identity sign-in is not configured';

/** A browser reduced to what the flow needs: cookies kept per origin, redirects followed by hand. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  public async get(url: string): Promise<Response> {
    const target = new URL(url);
    const jar = this.jarOf(target.origin);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expires = attributes.find((attribute) => /^\s*expires=/i.test(attribute))?.split('=')[1];
      if (!value || (expires && Date.parse(expires) <= Date.now())) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  public cookie(origin: string, name: string): string | undefined {
    return this.jarOf(origin).get(name);
  }

  private jarOf(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }
}

describe(`national identity sign-in (OpenID Connect) (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let provider: TestIdentityProvider;
  let api: string;

  beforeAll(async () => {
    const started = await withTestIdentityProvider({ worker: false });
    provider = started.provider;
    stack = await TestStack.start(started.options);
    api = stack.apiUrl;
  });

  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  function providerAccount(overrides: Partial<ProviderAccount> = {}) {
    return provider.addAccount(overrides);
  }

  /** From OneGate's sign-in link through the provider's pages, up to (not into) OneGate's callback. */
  async function throughProvider(browser: Browser, accountId: string): Promise<URL> {
    let current = new URL(`${api}/api/auth/oidc`);
    let response = await browser.get(current.href);
    expect(response.status).toBe(302);
    for (let hop = 0; hop < 10; hop += 1) {
      const next = new URL(response.headers.get('location')!, current);
      if (`${next.origin}${next.pathname}` === provider.callbackUrl) return next;
      if (next.pathname.startsWith('/interaction/')) next.searchParams.set('account', accountId);
      current = next;
      response = await browser.get(current.href);
      expect([302, 303], `${response.status} from ${current.href}`).toContain(response.status);
    }
    throw new Error('the provider never sent the browser back to OneGate');
  }

  async function signIn(browser: Browser, accountId: string): Promise<Response> {
    return browser.get((await throughProvider(browser, accountId)).href);
  }

  function me(browser: Browser) {
    const session = browser.cookie(api, SESSION_COOKIE);
    return request(`${api}/api/me`, { headers: { cookie: `${SESSION_COOKIE}=${session}` } });
  }

  const usersWith = (nationalId: string) =>
    stack.apiDataSource.getRepository(User).findBy({ nationalIdHash: hashNationalId(nationalId) });
  const auditOf = (subjectId: string) => stack.apiDataSource.getRepository(AuditEvent).findBy({ subjectId });

  it('creates the citizen on the first sign-in and opens a web session', async () => {
    const account = providerAccount();
    const browser = new Browser();
    const answer = await signIn(browser, account.id);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
    expect(browser.cookie(api, SESSION_COOKIE)).toBeTruthy();
    expect(browser.cookie(api, OIDC_STATE_COOKIE)).toBeUndefined();
    const { status, body } = await me(browser);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      nationalId: account.national_id,
      fullName: account.name,
      email: account.email,
      phone: null,
      role: 'citizen',
      agencyCode: null,
      language: 'vi',
      active: true,
    });
    const events = await auditOf(String(body.id));
    expect(events.filter((event) => event.type === 'citizen_linked_by_oidc').map((e) => e.details)).toEqual([
      { created: true },
    ]);
    expect(events.find((event) => event.type === 'sign_in_succeeded')?.details).toEqual({ method: 'oidc' });
    expect(JSON.stringify(events)).not.toContain(account.national_id);
  });

  it('signs the same citizen in again without creating a second account', async () => {
    const account = providerAccount();
    const browser = new Browser();
    await signIn(browser, account.id);
    const first = await me(browser);
    // The provider remembers the browser: this time it answers without showing any page.
    const again = await signIn(browser, account.id);
    expect(again.status).toBe(302);
    const second = await me(browser);
    expect(second.body.id).toBe(first.body.id);
    expect(await usersWith(account.national_id)).toHaveLength(1);
    const events = await auditOf(String(first.body.id));
    expect(events.filter((event) => event.type === 'citizen_linked_by_oidc')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'sign_in_succeeded')).toHaveLength(2);
  });

  it('links a citizen who registered with the same national ID instead of duplicating them', async () => {
    const citizen = newCitizen();
    const registered = await request<Tokens>(`${api}/api/auth/register`, { method: 'POST', body: citizen });
    expect(registered.status).toBe(201);
    const before = await request(`${api}/api/me`, { headers: bearer(registered.body) });
    const account = providerAccount({ national_id: citizen.nationalId, email: 'other-address@example.vn' });
    const browser = new Browser();
    expect((await signIn(browser, account.id)).status).toBe(302);
    const after = await me(browser);
    expect(after.body).toMatchObject({
      id: before.body.id,
      email: citizen.email,
      fullName: citizen.fullName,
    });
    expect(await usersWith(citizen.nationalId)).toHaveLength(1);
    const links = (await auditOf(String(before.body.id))).filter((e) => e.type === 'citizen_linked_by_oidc');
    expect(links.map((event) => event.details)).toEqual([{ created: false }]);
  });

  it('refuses a callback whose state was tampered with, or that lacks or reuses the sign-in cookie', async () => {
    const account = providerAccount();
    const browser = new Browser();
    const callback = await throughProvider(browser, account.id);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const refused = await browser.get(tampered.href);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
    });
    expect(browser.cookie(api, SESSION_COOKIE)).toBeUndefined();
    expect((await new Browser().get(callback.href)).status).toBe(401);

    const honest = new Browser();
    const genuine = await throughProvider(honest, account.id);
    expect((await honest.get(genuine.href)).status).toBe(302);
    expect((await honest.get(genuine.href)).status).toBe(401);
    expect(await usersWith(account.national_id)).toHaveLength(1);
  });

  it('refuses to take over an account by its e-mail address', async () => {
    const account = providerAccount({ email: DEMO_ACCOUNTS.citizen });
    const answer = await signIn(new Browser(), account.id);
    expect(answer.status).toBe(409);
    expect(await usersWith(account.national_id)).toHaveLength(0);
  });

  it('refuses a provider answer without a valid national ID number', async () => {
    const account = providerAccount({ national_id: '12345' });
    const answer = await signIn(new Browser(), account.id);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({
      statusCode: 401,
      message: expect.stringMatching(/national ID/),
    });
  });
});

describe(`national identity sign-in when not configured (${testDatabaseKind()})`, () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });

  afterAll(() => stack?.stop());

  it('answers 404 on both routes', async () => {
    for (const path of ['/api/auth/oidc', '/api/auth/oidc/callback?code=x&state=y']) {
      const { status, body } = await request(`${stack.apiUrl}${path}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ statusCode: 404, message: NOT_CONFIGURED });
    }
  });
});
