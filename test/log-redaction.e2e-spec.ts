import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEVELOPMENT_DEMO_PASSWORD } from '@onegate/config';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { ApplicationsClient } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import type { Running } from './support/processes';
import { API_MAIN, assertBuilt, freePort, start, waitForOk, WORKER_MAIN } from './support/processes';
import type { TestDatabase } from './support/test-database';
import { createTestDatabase, testDatabaseKind } from './support/test-database';
import { TEST_REDIS_URL } from './support/test-config';
import { removeQueueKeys } from './support/test-leftovers';
import { SmtpCatcher } from './support/smtp-catcher';

/**
 * A citizen's whole journey through the API and the worker as deployed, logging at debug level;
 * then everything both processes wrote is searched for the secrets and personal data the journey
 * carried. None may be there.
 */
describe(`log redaction (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let storage: string;
  let api: Running;
  let worker: Running;
  let apiUrl: string;
  let catcher: SmtpCatcher;
  const queuePrefix = `{onegate-test-${randomBytes(4).toString('hex')}}`;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase();
    catcher = await SmtpCatcher.start();
    storage = mkdtempSync(join(tmpdir(), 'onegate-files-'));
    const port = await freePort();
    const env = {
      NODE_ENV: 'test',
      PORT: String(port),
      WORKER_PORT: String(await freePort()),
      DATABASE_URL: database.config.kind === 'sqlite' ? `sqlite:${database.config.url}` : database.config.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      STORAGE_DIR: storage,
      LOG_LEVEL: 'debug',
      SMTP_URL: catcher.url,
    };
    apiUrl = `http://127.0.0.1:${port}`;
    api = start(API_MAIN, env);
    await waitForOk(`${apiUrl}/health/ready`);
    worker = start(WORKER_MAIN, env);
    await waitForOk(`http://127.0.0.1:${env.WORKER_PORT}/health/ready`);
  });

  afterAll(async () => {
    for (const running of [worker, api]) {
      running?.child.kill('SIGTERM');
      await running?.finished;
    }
    await database?.drop();
    await catcher?.stop();
    await removeQueueKeys(queuePrefix);
    rmSync(storage, { recursive: true, force: true });
  });

  it('never writes a password, a token, a national ID number or a document into the logs', async () => {
    const citizen = newCitizen({ password: `Yen Tu pagoda ${randomBytes(6).toString('hex')}` });
    const marker = `document-body-${randomBytes(8).toString('hex')}`;
    const document = Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);

    await registerVerified(apiUrl, catcher, citizen);
    const wrongPassword = `${citizen.password} wrong`;
    const refused = await request(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      body: { username: citizen.nationalId, password: wrongPassword },
    });
    expect(refused.status).toBe(401);
    const signedIn = await signIn(apiUrl, citizen.nationalId, citizen.password);
    const refreshed = await request<Tokens>(`${apiUrl}/api/auth/refresh`, {
      method: 'POST',
      body: { refreshToken: signedIn.refreshToken },
    });
    expect(refreshed.status).toBeLessThan(300);

    const apps = new ApplicationsClient(apiUrl);
    const form = { ...HOUSEHOLD_FORM, fullName: citizen.fullName, nationalId: citizen.nationalId };
    const draft = await apps.create(refreshed.body, HOUSEHOLD, form);
    expect(draft.status).toBe(201);
    expect((await apps.upload(refreshed.body, draft.body.id, HOUSEHOLD_DOCUMENT, document)).status).toBe(201);
    expect((await apps.act(refreshed.body, draft.body.id, 'submit')).status).toBe(200);
    const clerk = await signIn(apiUrl, DEMO_ACCOUNTS.clerk, DEVELOPMENT_DEMO_PASSWORD);
    const received = await apps.act(clerk, draft.body.id, 'receive');
    expect(received.status).toBe(200);
    const tracked = await request(`${apiUrl}/api/track`, {
      method: 'POST',
      body: { code: received.body.code, nationalId: citizen.nationalId },
    });
    expect(tracked.status).toBe(200);
    // The tracking page takes the number in a form's body, which the access log must not write either.
    const trackingForm = await fetch(`${apiUrl}/track`);
    const formCookie = trackingForm.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    const formToken = /name="_csrf" value="([^"]+)"/.exec(await trackingForm.text())![1]!;
    const trackedOnPage = await fetch(`${apiUrl}/track`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie, origin: apiUrl },
      body: new URLSearchParams({
        _csrf: formToken,
        code: received.body.code!,
        nationalId: citizen.nationalId,
      }),
    });
    expect(trackedOnPage.status).toBe(200);
    const attachment = (await apps.get(refreshed.body, draft.body.id)).body.attachments![0]!;
    const downloaded = await fetch(
      `${apiUrl}/api/applications/${draft.body.id}/attachments/${attachment.id}`,
      {
        headers: bearer(refreshed.body),
      },
    );
    expect(Buffer.from(await downloaded.arrayBuffer()).toString()).toContain(marker);
    // The worker has taken the submission's jobs (intake, notifications) once the citizen is told.
    await eventually(async () => {
      const notes = await request<{ items?: unknown[] }>(`${apiUrl}/api/notifications`, {
        headers: bearer(refreshed.body),
      });
      const told = (notes.body.items?.length ?? 0) > 0;
      return told && worker.output().stdout.includes(draft.body.id) ? true : undefined;
    });

    const logs = [api.output(), worker.output()].map(({ stdout, stderr }) => stdout + stderr).join('\n');
    // Not vacuous: both processes logged, among them the very requests that carried the secrets.
    expect(logs).toContain('/api/auth/register');
    expect(logs).toContain('/api/track');
    expect(logs.match(/request completed/g)?.length).toBeGreaterThan(10);
    expect(worker.output().stdout).toContain(draft.body.id);

    const secrets = {
      password: citizen.password,
      wrongPassword,
      nationalId: citizen.nationalId,
      accessToken: signedIn.accessToken,
      refreshToken: signedIn.refreshToken,
      refreshedAccessToken: refreshed.body.accessToken,
      refreshedRefreshToken: refreshed.body.refreshToken,
      clerkToken: clerk.accessToken,
      tokenSignature: signedIn.accessToken.split('.')[2]!,
      document: marker,
      documentBase64: document.toString('base64').slice(0, 40),
    };
    const leaked = Object.entries(secrets)
      .filter(([, secret]) => logs.includes(secret))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});
