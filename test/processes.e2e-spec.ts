import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  API_MAIN,
  assertBuilt,
  freePort,
  ROOT,
  runToEnd,
  start,
  waitForOk,
  WORKER_MAIN,
} from './support/processes';
import { newCitizen } from './support/accounts';
import { eventually, request } from './support/http';
import { sendLargeForm } from './support/raw-http';
import type { TestDatabase } from './support/test-database';
import { createTestDatabase, testDatabaseKind } from './support/test-database';
import { TEST_REDIS_URL } from './support/test-config';
import { removeQueueKeys } from './support/test-leftovers';

const stderrLines = (stderr: string) => stderr.trim().split('\n');

/** A process's resident memory, in bytes, as Linux reports it. */
const residentBytes = (pid: number) =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

describe(`processes as deployed (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase();
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: database.config.kind === 'sqlite' ? `sqlite:${database.config.url}` : database.config.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `{onegate-test-${randomBytes(4).toString('hex')}}`,
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    await database?.drop();
    if (env) await removeQueueKeys(env.QUEUE_PREFIX);
  });

  it('stops on bad configuration with one line per problem, in both apps', async () => {
    for (const main of [API_MAIN, WORKER_MAIN]) {
      const result = await runToEnd(main, {
        ...env,
        PORT: 'abc',
        QUEUE_PREFIX: 'no-hash-tag',
        NODE_ENV: 'production',
      });
      expect(result.code).toBe(1);
      const lines = stderrLines(result.stderr);
      expect(lines).toHaveLength(10);
      expect(lines.some((line) => line.includes('NATIONAL_ID_KEYS is required'))).toBe(true);
      expect(lines.some((line) => line.includes('NATIONAL_ID_HASH_KEY is required'))).toBe(true);
      expect(lines.some((line) => line.includes('SIGNING_CERT_PATH is required'))).toBe(true);
      expect(lines.some((line) => line.includes('SIGNING_CERT_PASSPHRASE is required'))).toBe(true);
      expect(lines.some((line) => line.includes('PAYMENT_GATEWAY_URL is required'))).toBe(true);
      expect(lines.some((line) => line.includes('VNPAY_TMN_CODE is required'))).toBe(true);
      expect(lines.some((line) => line.includes('VNPAY_HASH_SECRET is required'))).toBe(true);
      expect(lines.some((line) => line.includes('PORT'))).toBe(true);
      expect(lines.some((line) => line.includes('QUEUE_PREFIX'))).toBe(true);
      expect(lines.some((line) => line.includes('JWT_SECRET is required when NODE_ENV=production'))).toBe(
        true,
      );
    }
  });

  it('stops with one clear line when DATABASE_URL is malformed or unreachable', async () => {
    const malformed = await runToEnd(API_MAIN, { ...env, DATABASE_URL: 'mysql://root@localhost/onegate' });
    expect(malformed.code).toBe(1);
    expect(stderrLines(malformed.stderr)).toEqual([
      'onegate api: DATABASE_URL must be postgres://… or sqlite:PATH',
    ]);
    const unreachable = await runToEnd(API_MAIN, {
      ...env,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(unreachable.code).toBe(1);
    const lines = stderrLines(unreachable.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^onegate api: cannot open the database PostgreSQL at 127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
  });

  it('stops with one clear line when Redis cannot be reached', async () => {
    const result = await runToEnd(WORKER_MAIN, { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(/^onegate worker: cannot reach Redis at 127\.0\.0\.1:1/),
    ]);
  });

  it('shuts the API and the worker down cleanly on SIGTERM', async () => {
    const ports = { PORT: String(await freePort()), WORKER_PORT: String(await freePort()) };
    const api = start(API_MAIN, { ...env, ...ports });
    await waitForOk(`http://127.0.0.1:${ports.PORT}/health/ready`);
    const worker = start(WORKER_MAIN, { ...env, ...ports });
    await waitForOk(`http://127.0.0.1:${ports.WORKER_PORT}/health/ready`);
    worker.child.kill('SIGTERM');
    api.child.kill('SIGTERM');
    const [workerEnd, apiEnd] = await Promise.all([worker.finished, api.finished]);
    expect({ code: workerEnd.code, stderr: workerEnd.stderr }).toEqual({ code: 0, stderr: '' });
    expect({ code: apiEnd.code, stderr: apiEnd.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it.skipIf(testDatabaseKind() !== 'postgres')(
    'warns at start when PostgreSQL may lose acknowledged commits',
    async () => {
      const careless = new URL(env.DATABASE_URL);
      careless.searchParams.set('options', '-c synchronous_commit=off');
      const port = String(await freePort());
      const api = start(API_MAIN, { ...env, DATABASE_URL: careless.toString(), PORT: port });
      await waitForOk(`http://127.0.0.1:${port}/health/ready`);
      api.child.kill('SIGTERM');
      const { stdout } = await api.finished;
      const warning = stdout
        .split('\n')
        .find((line) => line.includes('PostgreSQL may lose acknowledged commits'));
      expect(warning && JSON.parse(warning)).toMatchObject({
        level: 40,
        settings: { synchronous_commit: 'off' },
      });
    },
  );

  it('runs API, worker and payment sandbox together from the launcher, and stops them all on Ctrl-C', async () => {
    const ports = {
      PORT: String(await freePort()),
      WORKER_PORT: String(await freePort()),
      PAYMENT_SANDBOX_PORT: String(await freePort()),
    };
    const launcher = start(resolve(ROOT, 'scripts/start.mjs'), { ...env, ...ports });
    await waitForOk(`http://127.0.0.1:${ports.PORT}/health/ready`);
    await waitForOk(`http://127.0.0.1:${ports.WORKER_PORT}/health/ready`);
    const sandboxPage = `http://127.0.0.1:${ports.PAYMENT_SANDBOX_PORT}/paymentv2/vpcpay.html`;
    // The sandbox is up when it refuses an unsigned payment request with its own page.
    await eventually(async () =>
      (await fetch(sandboxPage).catch(() => null))?.status === 400 ? true : undefined,
    );
    launcher.child.kill('SIGINT');
    const end = await launcher.finished;
    expect(end.code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${ports.PORT}/health/live`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${ports.WORKER_PORT}/health/live`)).rejects.toThrow();
    await expect(fetch(sandboxPage)).rejects.toThrow();
  });

  it('keeps its memory when anonymous 200 MB uploads arrive, four at once, and refuses them', async () => {
    const port = String(await freePort());
    const api = start(API_MAIN, { ...env, PORT: port });
    const base = `http://127.0.0.1:${port}`;
    await waitForOk(`${base}/health/ready`, 90_000);
    const pid = api.child.pid!;
    const before = residentBytes(pid);
    let highest = before;
    const sampling = setInterval(() => (highest = Math.max(highest, residentBytes(pid))), 20);
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        sendLargeForm(`${base}/my/applications/${randomUUID()}/edit`, {}, 10, 20 * 1024 * 1024),
      ),
    );
    clearInterval(sampling);
    highest = Math.max(highest, residentBytes(pid));
    const healthy = await fetch(`${base}/health/live`).then((answer) => answer.status);
    api.child.kill('SIGTERM');
    await api.finished;
    // The server refuses an anonymous upload as soon as it has read the head, answers 401 and closes
    // the connection while the client is still sending. Under load the close can reach the client
    // before it reads the 401: its next write fails with ECONNRESET or EPIPE and no status is seen. Such
    // a reset, before the whole body was sent, is that same early refusal, and counts as one; but only
    // while the server is still alive afterwards and its memory stayed bounded (checked below), so a
    // crash or a buffered body can never pass for a refusal. Any status other than 401, or a reset
    // after the whole body went out, still fails, and at least one 401 must have been read.
    const refused = outcomes.map((outcome) =>
      outcome.status === null &&
      !outcome.sentWhole &&
      (outcome.error === 'ECONNRESET' || outcome.error === 'EPIPE')
        ? 'reset before the body was sent'
        : outcome.status,
    );
    expect(healthy).toBe(200);
    expect(highest - before).toBeLessThan(50 * 1024 * 1024);
    for (const outcome of refused) expect([401, 'reset before the body was sent']).toContain(outcome);
    expect(refused).toContain(401);
  }, 180_000);

  it('never writes passwords, tokens or national ID numbers to its logs', async () => {
    const port = String(await freePort());
    const api = start(API_MAIN, { ...env, PORT: port, LOG_LEVEL: 'trace' });
    const base = `http://127.0.0.1:${port}`;
    await waitForOk(`${base}/health/ready`);
    const citizen = newCitizen();
    const registered = await request<{ accessToken: string; refreshToken: string }>(
      `${base}/api/auth/register`,
      {
        method: 'POST',
        body: citizen,
      },
    );
    const refreshed = await request<{ accessToken: string; refreshToken: string }>(
      `${base}/api/auth/refresh`,
      {
        method: 'POST',
        body: { refreshToken: registered.body.refreshToken },
      },
    );
    await request(`${base}/api/auth/login`, {
      method: 'POST',
      body: { username: citizen.nationalId, password: 'wrong password!' },
    });
    await request(`${base}/api/me?nationalId=${citizen.nationalId}`, {
      headers: {
        authorization: `Bearer ${refreshed.body.accessToken}`,
        cookie: `onegate_session=${registered.body.accessToken}`,
      },
    });
    api.child.kill('SIGTERM');
    const { stdout, stderr } = await api.finished;
    const logs = stdout + stderr;
    expect(logs).toContain('request completed');
    for (const secret of [
      citizen.password,
      citizen.nationalId,
      registered.body.accessToken,
      registered.body.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
