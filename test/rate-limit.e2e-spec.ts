import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { openDatabase } from '@onegate/persistence';

import { createApiApp } from '../apps/api/src/create-api-app';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const LIMIT = 3;

describe(`rate limits across API processes (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let second: INestApplication;
  let secondUrl: string;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, authRateLimit: LIMIT }),
    });
    second = await createApiApp(stack.config, await openDatabase(stack.config, 'run'));
    await second.listen(0, '127.0.0.1');
    secondUrl = await second.getUrl();
  });

  afterAll(async () => {
    await second?.close();
    await stack?.stop();
  });

  it('counts sign-in attempts of one client across every API process, then answers 429', async () => {
    const attempt = (base: string) =>
      request(`${base}/api/auth/login`, {
        method: 'POST',
        body: { username: 'someone@example.vn', password: 'not this one' },
      });
    const statuses = [];
    for (const base of [stack.apiUrl, secondUrl, stack.apiUrl, secondUrl])
      statuses.push((await attempt(base)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await attempt(stack.apiUrl);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, requestId: expect.any(String) });
  });

  it('limits registration and refresh the same way, per route', async () => {
    const register = () => request(`${secondUrl}/api/auth/register`, { method: 'POST', body: {} });
    const refresh = () =>
      request(`${stack.apiUrl}/api/auth/refresh`, { method: 'POST', body: { refreshToken: 'x' } });
    const registrations = [];
    for (let index = 0; index <= LIMIT; index++) registrations.push((await register()).status);
    expect(registrations).toEqual([400, 400, 400, 429]);
    const refreshes = [];
    for (let index = 0; index <= LIMIT; index++) refreshes.push((await refresh()).status);
    expect(refreshes).toEqual([401, 401, 401, 429]);
  });

  it('limits tracking by a code and an ID number, whose guesses it must slow down', async () => {
    const track = () =>
      request(`${stack.apiUrl}/api/track`, {
        method: 'POST',
        body: { code: 'QN-X', nationalId: '022090001234' },
      });
    const statuses = [];
    for (let index = 0; index <= LIMIT; index++) statuses.push((await track()).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it('limits the open data like the other public routes, each route on its own count', async () => {
    const statuses = [];
    for (let index = 0; index <= LIMIT; index++)
      statuses.push((await request(`${stack.apiUrl}/api/open-data/monthly?from=2025-01&to=2025-02`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await fetch(`${stack.apiUrl}/open-data?from=2025-01&to=2025-02`)).status).toBe(200);
  });
});
