import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const MINUTE = 60;
const YEAR = 365 * 24 * 60 * MINUTE;

const claimsOf = (tokens: Tokens) =>
  JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString()) as Record<
    string,
    unknown
  >;

/** An HS256 token with exactly these claims, signed with the API's own secret. */
function forge(claims: Record<string, unknown>, secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * Access tokens signed with the right secret are still refused unless their claims are ones OneGate
 * issues: the session belongs to the subject, the channel is the session's, and the token expires
 * within the channel's lifetime.
 */
describe(`forged access tokens (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let citizen: Record<string, unknown>;
  let clerk: Record<string, unknown>;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const password = stack.config.demoPassword!;
    citizen = claimsOf(await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password));
    clerk = claimsOf(await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password));
  });

  afterAll(() => stack?.stop());

  const now = () => Math.floor(Date.now() / 1000);
  const statusWith = async (claims: Record<string, unknown>) =>
    (await request(`${stack.apiUrl}/api/me`, { headers: bearer(forge(claims, stack.config.jwtSecret)) }))
      .status;

  it('accepts a token shaped like the ones it issues (the forgeries below differ in one claim)', async () => {
    const { sub, sid, ch } = citizen;
    expect(await statusWith({ sub, sid, ch, iat: now(), exp: now() + 15 * MINUTE })).toBe(200);
  });

  it('refuses a token naming another account’s session', async () => {
    expect(await statusWith({ ...citizen, sid: clerk.sid, iat: now(), exp: now() + 15 * MINUTE })).toBe(401);
  });

  it('refuses a token without an expiry or issue time', async () => {
    const { sub, sid, ch } = citizen;
    expect(await statusWith({ sub, sid, ch, iat: now() })).toBe(401);
    expect(await statusWith({ sub, sid, ch, exp: now() + 15 * MINUTE })).toBe(401);
  });

  it('refuses a token living longer than its channel allows', async () => {
    const { sub, sid, ch } = citizen;
    expect(await statusWith({ sub, sid, ch, iat: now(), exp: now() + 10 * YEAR })).toBe(401);
    // Issued a day ago with an expiry still ahead: its lifetime is a day.
    expect(await statusWith({ sub, sid, ch, iat: now() - 24 * 60 * MINUTE, exp: now() + MINUTE })).toBe(401);
    // Claiming to be issued years from now, to pass the lifetime check.
    expect(await statusWith({ sub, sid, ch, iat: now() + 10 * YEAR, exp: now() + 10 * YEAR })).toBe(401);
  });

  it('refuses an API session’s token claiming the web channel’s twelve hours', async () => {
    const { sub, sid } = citizen;
    expect(await statusWith({ sub, sid, ch: 'web', iat: now(), exp: now() + 12 * 60 * MINUTE })).toBe(401);
  });
});

describe(`configured access-token lifetimes (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let citizen: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({
          ...config,
          accessTokenLifetimes: { apiSeconds: 5 * MINUTE, webSeconds: 60 * MINUTE },
        }),
    });
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
  });

  afterAll(() => stack?.stop());

  const now = () => Math.floor(Date.now() / 1000);
  const statusWith = async (claims: Record<string, unknown>) =>
    (await request(`${stack.apiUrl}/api/me`, { headers: bearer(forge(claims, stack.config.jwtSecret)) }))
      .status;

  it('issues tokens for the configured lifetime', () => {
    const { iat, exp } = claimsOf(citizen) as { iat: number; exp: number };
    expect(exp - iat).toBe(5 * MINUTE);
  });

  it('refuses a token issued under a longer lifetime than the one now configured', async () => {
    const { sub, sid, ch } = claimsOf(citizen);
    expect(await statusWith({ sub, sid, ch, iat: now(), exp: now() + 5 * MINUTE })).toBe(200);
    expect(await statusWith({ sub, sid, ch, iat: now(), exp: now() + 15 * MINUTE })).toBe(401);
  });

  it('gives the web session the configured lifetime, and refuses a longer one', async () => {
    const opened = await fetch(`${stack.apiUrl}/api/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.apiUrl },
      body: JSON.stringify({ username: DEMO_ACCOUNTS.citizen, password: stack.config.demoPassword }),
    });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('set-cookie')).toMatch(/onegate_session=[^;]+; Max-Age=3600;/);
    const token = /onegate_session=([^;]+)/.exec(opened.headers.get('set-cookie')!)![1]!;
    const { sub, sid } = claimsOf({ accessToken: token } as Tokens);
    expect(await statusWith({ sub, sid, ch: 'web', iat: now(), exp: now() + 12 * 60 * MINUTE })).toBe(401);
  });
});
