import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { NormalizedProblem } from '@redocly/openapi-core';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventually, request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

type Response = { description?: string; content?: Record<string, { schema?: unknown }> };
type Operation = { summary?: string; security?: unknown[]; responses: Record<string, Response> };

function operationsOf(document: OpenAPIObject): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([, operation]) => typeof operation === 'object' && 'responses' in operation)
      .map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

const describeProblem = (problem: NormalizedProblem) =>
  `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ''})`;

/** The API's contract (docs/api.md): linted with Redocly's recommended rules, and complete. */
describe(`the OpenAPI document (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let document: OpenAPIObject;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    // The very document the response check holds every answer to.
    document = stack.responses.document;
    // npm run lint:openapi keeps the document it linted.
    const file = process.env.OPENAPI_FILE;
    if (file) mkdirSync(dirname(resolve(file)), { recursive: true });
    if (file) writeFileSync(resolve(file), JSON.stringify(document, null, 2));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is served at /api/docs-json as built', async () => {
    const served = await request(`${stack.apiUrl}/api/docs-json`);
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('passes the recommended rules of redocly.yaml with no error and no warning', async () => {
    const config = await loadConfig({ configPath: resolve('redocly.yaml') });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(problems.map(describeProblem)).toEqual([]);
  });

  it('gives every operation a summary, its security, its answers and the shared error body for every error', () => {
    for (const [name, operation] of operationsOf(document)) {
      const statuses = Object.keys(operation.responses).map(Number);
      expect(operation.summary, name).toBeTruthy();
      expect(operation.security, name).toBeDefined();
      // The two rules redocly.yaml turns off, with their only exceptions.
      const neverSucceeds = name.startsWith('GET /api/auth/oidc') || name === 'GET /api/track/{code}';
      if (!neverSucceeds)
        expect(
          statuses.some((status) => status < 300),
          name,
        ).toBe(true);
      if (!name.startsWith('GET /health/'))
        expect(
          statuses.some((status) => status >= 400 && status < 500),
          name,
        ).toBe(true);
      for (const [status, response] of Object.entries(operation.responses)) {
        // The health checks' 503 is the readiness report; the token route answers as RFC 6749 says.
        if (Number(status) < 400 || name.startsWith('GET /health/') || name === 'POST /api/oauth/token')
          continue;
        expect(response.content?.['application/json']?.schema, `${name} ${status}`).toEqual({
          $ref: '#/components/schemas/ErrorBody',
        });
      }
    }
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual([
      'bearer',
      'csrf',
      'partnerClient',
      'session',
    ]);
  });

  it('checks each answer of the API against the document, and names what it does not describe', async () => {
    const check = stack.responses;
    const url = `${stack.apiUrl}/api/procedures/NO-SUCH-PROCEDURE`;
    const answered = async () => {
      const before = check.checked;
      expect((await request(url)).status).toBe(404);
      await eventually(async () => (check.checked > before ? true : undefined));
    };
    await answered();
    expect(check.violations).toEqual([]);

    // The check reads the same document object: take the 404 out, then ask for another body, and put it back.
    const responses = (document.paths['/api/procedures/{code}'].get as Operation).responses;
    const declared = responses['404'];
    try {
      delete responses['404'];
      await answered();
      responses['404'] = {
        description: 'not what is sent',
        content: { 'application/json': { schema: { type: 'object', required: ['nothing'] } } },
      };
      await answered();
    } finally {
      responses['404'] = declared;
    }
    expect(check.violations).toEqual([
      expect.stringMatching(/^GET \/api\/procedures\/\{code\} → 404: status not declared/),
      expect.stringMatching(
        /^GET \/api\/procedures\/\{code\} → 404: \(body\) must have required property 'nothing'/,
      ),
    ]);
    check.violations.length = 0;
  });
});
