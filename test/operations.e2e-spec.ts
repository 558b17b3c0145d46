import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

describe(`operations endpoints (${testDatabaseKind()})`, () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(() => stack?.stop());

  it('reports liveness and readiness with the database and Redis up, in both processes', async () => {
    for (const base of [stack.apiUrl, stack.workerUrl]) {
      expect((await request(`${base}/health/live`)).status).toBe(200);
      const ready = await request(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    }
  });

  it('times HTTP requests by route pattern and status, never by raw path', async () => {
    await request(`${stack.apiUrl}/api/procedures/1.001193`);
    const metrics = await (await fetch(`${stack.apiUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /onegate_http_request_duration_seconds_count\{[^}]*method="GET",route="\/api\/procedures\/:code",status="200"\} 1/,
    );
    expect(metrics).not.toContain('route="/api/procedures/1.001193"');
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await fetch(`${stack.apiUrl}/health/live`, {
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-12345678');
    const replaced = await fetch(`${stack.apiUrl}/health/live`, {
      headers: { 'x-request-id': 'bad id\twith tabs' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the standard error body', async () => {
    const { status, body } = await request(`${stack.apiUrl}/api/nothing-here`);
    expect(status).toBe(404);
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
  });
});
