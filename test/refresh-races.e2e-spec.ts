import { setTimeout as delay } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { AuditEvent, RefreshToken } from '@onegate/persistence';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const TRIALS = 30;
const CONCURRENT_REFRESHES = 10;

const sessionOf = (accessToken: string): string =>
  (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

/**
 * Refreshes and sign-outs racing each other over real HTTP, many times over: whatever the
 * interleaving, a session ends either wholly revoked or with exactly one unspent token, and a
 * sign-out that answered 204 leaves nothing alive.
 */
describe(`refresh-token rotation under concurrency (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let api: string;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, authRateLimit: 10_000 }),
    });
    api = stack.apiUrl;
  });

  afterAll(() => stack?.stop());

  const refresh = (refreshToken: string) =>
    request<Tokens>(`${api}/api/auth/refresh`, { method: 'POST', body: { refreshToken } });

  const rowsOf = (sessionId: string) =>
    stack.apiDataSource.getRepository(RefreshToken).findBy({ familyId: sessionId });

  /** The invariant, read from the rows: wholly revoked, or exactly one token neither spent nor revoked. */
  async function stateOf(sessionId: string): Promise<'revoked' | 'one live token' | string> {
    const rows = await rowsOf(sessionId);
    if (rows.every((row) => row.revokedAt)) return 'revoked';
    const live = rows.filter((row) => !row.revokedAt && !row.usedAt);
    const spentButNotRevoked = rows.filter((row) => !row.revokedAt && row.usedAt);
    if (live.length === 1 && spentButNotRevoked.length === rows.length - 1) return 'one live token';
    return `broken: ${live.length} live of ${rows.length}, ${rows.filter((row) => row.revokedAt).length} revoked`;
  }

  /** Everything the winner of a race was given must be refused once the session is revoked. */
  async function expectDead(tokens: Tokens, label: string): Promise<void> {
    expect((await request(`${api}/api/me`, { headers: bearer(tokens) })).status, label).toBe(401);
    expect((await refresh(tokens.refreshToken)).status, label).toBe(401);
  }

  it(`lets one of ${CONCURRENT_REFRESHES} refreshes with one token win, then revokes the session, ${TRIALS} times`, async () => {
    const audits = stack.apiDataSource.getRepository(AuditEvent);
    const outcomes: string[] = [];
    for (let trial = 1; trial <= TRIALS; trial++) {
      const tokens = await signIn(api, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
      const sessionId = sessionOf(tokens.accessToken);
      const attempts = await Promise.all(
        Array.from({ length: CONCURRENT_REFRESHES }, () => refresh(tokens.refreshToken)),
      );
      const statuses = attempts.map((attempt) => attempt.status).sort();
      const reuses = (await audits.findBy({ type: 'refresh_token_reused' })).filter(
        (event) => event.details.sessionId === sessionId,
      ).length;
      outcomes.push(`${statuses.join(',')} ${await stateOf(sessionId)}, ${reuses} reuses recorded`);
      const winner = attempts.find((attempt) => attempt.status === 200);
      if (winner) await expectDead(winner.body, `trial ${trial}`);
      await expectDead(tokens, `trial ${trial}`);
    }
    const expected = `200,${Array(CONCURRENT_REFRESHES - 1)
      .fill(401)
      .join(',')} revoked, ${CONCURRENT_REFRESHES - 1} reuses recorded`;
    expect(outcomes).toEqual(Array(TRIALS).fill(expected));
  });

  it(`leaves nothing alive when a sign-out races a refresh, ${TRIALS} times`, async () => {
    const outcomes: string[] = [];
    for (let trial = 1; trial <= TRIALS; trial++) {
      const tokens = await signIn(api, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
      const sessionId = sessionOf(tokens.accessToken);
      // The sign-out starts up to a few milliseconds later, so the trials sweep the refresh's steps.
      const [refreshed, signedOut] = await Promise.all([
        refresh(tokens.refreshToken),
        delay(trial % 4).then(() =>
          request(`${api}/api/auth/logout`, { method: 'POST', headers: bearer(tokens) }),
        ),
      ]);
      outcomes.push(`sign-out ${signedOut.status}, session ${await stateOf(sessionId)}`);
      if (refreshed.status === 200) await expectDead(refreshed.body, `trial ${trial}`);
      await expectDead(tokens, `trial ${trial}`);
    }
    expect(outcomes).toEqual(Array(TRIALS).fill('sign-out 204, session revoked'));
  });

  it('keeps exactly one live token through sequential refreshes', async () => {
    let tokens = await signIn(api, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    const sessionId = sessionOf(tokens.accessToken);
    for (let step = 0; step < 3; step++) {
      const refreshed = await refresh(tokens.refreshToken);
      expect(refreshed.status).toBe(200);
      tokens = refreshed.body;
      expect(await stateOf(sessionId)).toBe('one live token');
    }
    expect((await request(`${api}/api/me`, { headers: bearer(tokens) })).status).toBe(200);
  });
});
