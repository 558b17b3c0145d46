import { Agent, get } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ModulesContainer } from '@nestjs/core';

import { listRoutes, takesBodyForResource } from '@onegate/access';
import { AppConfig } from '@onegate/config';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { RECORD, RECORD_DOCUMENT, RECORD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { multipartStart, sendPartly } from './support/raw-http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const DECLARED = String(200 * 1024 * 1024);
/** Room for a busy machine; an answer that waits for a 200 MB body that never comes misses it anyway. */
const ANSWER_WAIT_MS = 10_000;

describe(`request bodies are read only for a known caller; slow clients are cut off (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let citizen: Tokens;
  let stranger: Tokens;
  let draftId: string;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({
          ...config,
          httpTimeouts: { ...config.httpTimeouts, headersMs: 1_000, bodyIdleMs: 1_000, requestMs: 60_000 },
        }),
    });
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    stranger = (
      await request<Tokens>(`${stack.apiUrl}/api/auth/register`, { method: 'POST', body: newCitizen() })
    ).body;
    draftId = (await new ApplicationsClient(stack.apiUrl).create(citizen, RECORD, RECORD_FORM)).body.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Sends the head of a 200 MB multipart post and its first 64 KiB, never the rest. */
  const hugeUpload = (path: string, headers: Record<string, string>, fields: Record<string, string> = {}) => {
    const form = multipartStart(fields, path.endsWith('/edit') ? 'document-0' : 'file');
    return sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path,
        headers: { ...headers, 'content-type': form.contentType, 'content-length': DECLARED },
        bodyStart: form.start,
      },
      ANSWER_WAIT_MS,
    );
  };

  it('answers an upload from no one before its body has arrived', async () => {
    const api = await hugeUpload(`/api/applications/${draftId}/attachments`, {});
    expect(api.status).toBe(401);
    const page = await hugeUpload(`/my/applications/${draftId}/edit`, {});
    expect(page.status).toBe(401);
  });

  it('answers an upload to someone else’s application before its body has arrived', async () => {
    const answer = await hugeUpload(`/api/applications/${draftId}/attachments`, bearer(stranger));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ message: 'No such application' });
  });

  it('declares, on every route taking a body for a resource of its path, what is checked before reading it', () => {
    const routes = listRoutes(stack.api.get(ModulesContainer)).filter(
      (route) => takesBodyForResource(route) && route.rule?.kind !== 'public',
    );
    expect(routes.length).toBeGreaterThan(10);
    expect(
      routes.filter((route) => !route.bodyAfter).map((route) => `${route.method} ${route.path}`),
    ).toEqual([]);
  });

  /** Sends the head of a JSON or form post and its first bytes, never the rest. */
  const headersOnly = (method: string, path: string, headers: Record<string, string>, type: string) =>
    sendPartly(
      stack.apiUrl,
      {
        method,
        path,
        headers: { ...headers, 'content-type': type, 'content-length': '90000' },
        bodyStart: Buffer.from(type === 'application/json' ? '{"' : 'reason='),
      },
      ANSWER_WAIT_MS,
    );

  it('answers a JSON post about someone else’s application or notification before its body has arrived', async () => {
    const paths = [
      ['PATCH', `/api/applications/${draftId}`],
      ['POST', `/api/applications/${draftId}/actions`],
      ['POST', `/api/applications/${draftId}/rating`],
      ['POST', `/api/notifications/${draftId}/read`],
    ];
    for (const [method, path] of paths) {
      const answer = await headersOnly(method!, path!, bearer(stranger), 'application/json');
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    }
  });

  it('answers a page’s form post about someone else’s application before its body has arrived', async () => {
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    const posts = [
      [stranger, `/my/applications/${draftId}/withdraw`],
      [stranger, `/my/applications/${draftId}/pay`],
      [stranger, `/my/applications/${draftId}/rating`],
      [clerk, `/staff/applications/${draftId}/actions`],
      [clerk, `/staff/applications/${draftId}/reviews`],
      [clerk, `/staff/applications/${draftId}/result`],
    ] as const;
    for (const [tokens, path] of posts) {
      const cookie = `onegate_session=${tokens.accessToken}`;
      const page = await fetch(`${stack.apiUrl}/`, { headers: { cookie } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const headers = { cookie, 'x-csrf-token': csrf };
      const answer = await headersOnly('POST', path, headers, 'application/x-www-form-urlencoded');
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    }
  });

  it('answers a forged form post (no valid CSRF token in its first part) before reading its files', async () => {
    const cookie = `onegate_session=${citizen.accessToken}`;
    const forged = await hugeUpload(`/my/applications/${draftId}/edit`, { cookie }, { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    const tokenless = await hugeUpload(`/my/applications/${draftId}/edit`, { cookie });
    expect(tokenless.status).toBe(403);
  });

  it('answers a forged URL-encoded form post (its first field not a valid token) before reading the rest', async () => {
    const cookie = `onegate_session=${citizen.accessToken}`;
    const form = (bodyStart: string) =>
      sendPartly(
        stack.apiUrl,
        {
          method: 'POST',
          path: `/my/applications/${draftId}/withdraw`,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': '90000' },
          bodyStart: Buffer.from(bodyStart),
        },
        ANSWER_WAIT_MS,
      );
    expect((await form('_csrf=forged&reason=')).status).toBe(403);
    expect((await form('reason=the+token+comes+later')).status).toBe(403);
  });

  it('refuses a declared length over the limit at once with 413, naming the limit', async () => {
    const upload = await hugeUpload(`/api/applications/${draftId}/attachments`, bearer(citizen));
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body)).toMatchObject({
      message: 'The upload is larger than the 20 MB a request may carry',
    });
    const json = await sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: `/api/applications`,
        headers: { ...bearer(citizen), 'content-type': 'application/json', 'content-length': DECLARED },
        bodyStart: Buffer.from('{"procedureCode": "'),
      },
      ANSWER_WAIT_MS,
    );
    expect(json.status).toBe(413);
    expect(JSON.parse(json.body)).toMatchObject({
      message: 'The request body is larger than the 100 KiB limit',
    });
  });

  it('reads no JSON body for a caller who is refused', async () => {
    const answer = await sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: `/api/applications`,
        headers: { 'content-type': 'application/json', 'content-length': '90000' },
        bodyStart: Buffer.from('{"procedureCode": "'),
      },
      ANSWER_WAIT_MS,
    );
    expect(answer.status).toBe(401);
  });

  it('still takes the applicant’s form with its documents, the CSRF token first', async () => {
    const cookie = `onegate_session=${citizen.accessToken}`;
    const page = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append(
      'document-0',
      new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }),
      'tờ khai.pdf',
    );
    form.append('intent', 'save');
    const saved = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, {
      method: 'POST',
      headers: { cookie },
      body: form,
      redirect: 'manual',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/my/applications/${draftId}/edit?notice=saved`);
    const application = await new ApplicationsClient(stack.apiUrl).get(citizen, draftId);
    expect(application.body.attachments).toEqual([
      expect.objectContaining({ documentName: RECORD_DOCUMENT, originalName: 'tờ khai.pdf' }),
    ]);
  });

  it('tells the applicant on the form that a file is over its limit, keeping none of the post’s files', async () => {
    const cookie = `onegate_session=${citizen.accessToken}`;
    const page = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const before = (await new ApplicationsClient(stack.apiUrl).get(citizen, draftId)).body.attachments;
    const form = new FormData();
    form.append('_csrf', csrf);
    const tooLarge = Buffer.concat([PDF_BYTES, Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    form.append('document-0', new Blob([new Uint8Array(tooLarge)], { type: 'application/pdf' }), 'big.pdf');
    form.append('intent', 'save');
    const answer = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, {
      method: 'POST',
      headers: { cookie, 'accept-language': 'en' },
      body: form,
      redirect: 'manual',
    });
    expect(answer.status).toBe(422);
    expect(await answer.text()).toMatch(/file is too large|tệp quá lớn/);
    expect((await new ApplicationsClient(stack.apiUrl).get(citizen, draftId)).body.attachments).toEqual(
      before,
    );
  });

  it('closes the connection of an upload whose body stalls, and of headers that never end', async () => {
    const stalled = await sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: `/api/applications/${draftId}/attachments`,
        headers: {
          ...bearer(citizen),
          'content-type': multipartStart({}, 'file').contentType,
          'content-length': '1000000',
        },
        bodyStart: multipartStart({}, 'file').start,
      },
      ANSWER_WAIT_MS,
    );
    expect(stalled).toMatchObject({ closedByServer: true });
    expect(stalled.afterMs).toBeLessThan(5_000);
    const slowHeaders = await sendPartly(
      stack.apiUrl,
      { method: 'GET', path: '/api/procedures', headers: { accept: 'application/json' }, headersDone: false },
      ANSWER_WAIT_MS,
    );
    expect(slowHeaders.closedByServer).toBe(true);
    expect(slowHeaders.afterMs).toBeLessThan(5_000);
  });

  it('keeps an idle kept-alive connection open longer than the 60 s of a load balancer', async () => {
    const keepAlive = await new Promise<string>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true });
      get(`${stack.apiUrl}/health/live`, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          agent.destroy();
          resolve(String(response.headers['keep-alive']));
        });
      }).on('error', reject);
    });
    expect(keepAlive).toBe('timeout=65');
  });
});
