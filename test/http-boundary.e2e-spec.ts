import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const PORTAL = 'https://portal.example.vn';
const STRANGER = 'https://evil.example.com';

const corsHeadersOf = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

const preflight = (apiUrl: string, origin: string) =>
  fetch(`${apiUrl}/api/applications`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
    },
  });

describe(`CORS and body limits (${testDatabaseKind()})`, () => {
  let open: TestStack;
  let closed: TestStack;

  beforeAll(async () => {
    open = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, corsOrigins: [PORTAL], bodyLimitBytes: 2 * 1024 }),
    });
    closed = await TestStack.start({ worker: false });
  });

  afterAll(async () => {
    await open?.stop();
    await closed?.stop();
  });

  it('sends no CORS header at all unless origins are configured', async () => {
    const simple = await fetch(`${closed.apiUrl}/api/procedures`, { headers: { origin: PORTAL } });
    expect(simple.status).toBe(200);
    expect(corsHeadersOf(simple)).toEqual([]);
    expect(corsHeadersOf(await preflight(closed.apiUrl, PORTAL))).toEqual([]);
  });

  it('lets a configured origin read answers and pass the preflight, and no other origin', async () => {
    const allowed = await fetch(`${open.apiUrl}/api/procedures`, { headers: { origin: PORTAL } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);

    const stranger = await fetch(`${open.apiUrl}/api/procedures`, { headers: { origin: STRANGER } });
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();

    const passes = await preflight(open.apiUrl, PORTAL);
    expect(passes.status).toBe(204);
    expect(passes.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(passes.headers.get('access-control-allow-methods')).toContain('POST');
    expect(passes.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(passes.headers.get('access-control-allow-credentials')).toBeNull();

    expect((await preflight(open.apiUrl, STRANGER)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over the configured limit with 413 and says what the limit is', async () => {
    const post = (size: number) =>
      fetch(`${open.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(size), password: 'y' }),
      });
    const tooLarge = await post(3 * 1024);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is larger than the 2 KiB limit',
    });
    expect((await post(1024)).status).not.toBe(413);
    expect(
      (
        await fetch(`${closed.apiUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'x'.repeat(99 * 1024), password: 'y' }),
        })
      ).status,
    ).not.toBe(413);
  });

  it('refuses malformed and too deeply nested JSON with a 400 that quotes nothing back', async () => {
    const post = (body: string) =>
      fetch(`${open.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const malformed = await post('{"username": "<b>secret</b>",');
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toMatchObject({ message: 'The request body is not valid JSON' });
    expect(text).not.toContain('secret');
    const deep = await post(`${'['.repeat(40)}${']'.repeat(40)}`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ message: 'The request body nests deeper than 32 levels' });
  });
  it('refuses the NUL character, which no database text can hold, in the address or the body', async () => {
    const inAddress = await fetch(`${open.apiUrl}/api/procedures/1.0%00`);
    expect(inAddress.status).toBe(400);
    expect(await inAddress.json()).toMatchObject({ message: 'The address must not contain %00 (NUL)' });
    const inBody = await fetch(`${open.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a\u0000b', password: 'y' }),
    });
    expect(inBody.status).toBe(400);
    expect(await inBody.json()).toMatchObject({
      message: 'The request body must not contain the NUL character',
    });
  });
});
