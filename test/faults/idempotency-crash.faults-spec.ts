import { randomBytes } from 'node:crypto';

import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import type { ApplicationBody } from '../support/applications';
import { ApplicationsClient } from '../support/applications';
import { eventually, request } from '../support/http';
import { Deployment } from './support/deployment';
import { inBatches, query, readyDraft, sleep } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';

const FILES = 16;
/** Files whose submission is held mid-request when the API is killed. */
const HELD = 6;
const LEASE_SECONDS = 30;

/**
 * The API is killed with SIGKILL while keyed submissions are in flight: some have claimed their
 * Idempotency-Key and wait on a row lock the test holds, so they die before answering. A retry with the
 * same key gets 409 and Retry-After while the request's lease lasts (before the kill, and after the
 * restart until the lease the dead process last granted lapses), then runs the submission (one retry
 * of several at once): every file ends submitted exactly once, and no key stays "still being processed".
 */
describe('API killed mid-request with Idempotency-Keys (SIGKILL)', () => {
  let deployment: Deployment;
  let api: OneGateProcess;
  let citizen: Tokens;
  /** The test's own connection, holding a row lock on the files whose submission it holds. */
  let lock: Client | null = null;

  beforeAll(async () => {
    deployment = await Deployment.start({ extra: { IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS) } });
    api = await OneGateProcess.api(deployment.env);
    citizen = await signIn(api.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await lock?.end().catch(() => undefined);
    await api?.kill();
    await deployment?.remove();
  });

  const sql = <Row = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    query<Row>(deployment.env.DATABASE_URL, text, values);
  const submit = (id: string, key: string) =>
    request<ApplicationBody>(`${api.url}/api/applications/${id}/actions`, {
      method: 'POST',
      headers: { ...bearer(citizen), 'idempotency-key': key },
      body: { action: 'submit' },
    });
  const expectComeBackLater = (answer: Awaited<ReturnType<typeof submit>>) => {
    expect(answer.status).toBe(409);
    expect(answer.body.message).toMatch(/still being processed/);
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LEASE_SECONDS);
  };
  const submitEvents = async (ids: string[]) =>
    sql<{ id: string; state: string; submits: string }>(
      `SELECT a.id, a.state,
              (SELECT count(*) FROM application_events e WHERE e.application_id = a.id AND e.type = 'submit') AS submits
         FROM applications a WHERE a.id = ANY($1)`,
      [ids],
    );

  it('runs a dead request again once its lease lapses, exactly once, and never answers 409 for ever', async () => {
    const apps = new ApplicationsClient(api.url);
    const ids = await inBatches(Array.from({ length: FILES }), 4, () => readyDraft(apps, citizen));
    const keys = ids.map(() => randomBytes(8).toString('hex'));
    const held = ids.slice(0, HELD);

    lock = new Client({ connectionString: deployment.env.DATABASE_URL });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT id FROM applications WHERE id = ANY($1) FOR UPDATE', [held]);
    const inFlight = ids.map((id, index) => submit(id, keys[index]).catch(() => null));
    const answeredBeforeKill = await Promise.all(inFlight.slice(HELD));
    expect(answeredBeforeKill.map((answer) => answer?.status)).toEqual(Array(FILES - HELD).fill(200));
    await eventually(async () => {
      const [{ claimed }] = await sql<{ claimed: string }>(
        'SELECT count(*) AS claimed FROM idempotency_records WHERE status_code IS NULL',
      );
      return Number(claimed) === HELD ? true : undefined;
    });
    // While the requests run, a retry with the same key is told to come back later.
    for (const answer of await Promise.all(held.map((id, index) => submit(id, keys[index])))) {
      expectComeBackLater(answer);
    }
    await api.kill();
    const [{ until }] = await sql<{ until: string }>(
      'SELECT max(lease_expires_at) AS until FROM idempotency_records WHERE status_code IS NULL',
    );
    expect(await Promise.all(inFlight.slice(0, HELD))).toEqual(Array(HELD).fill(null));
    await lock.query('ROLLBACK');
    await lock.end();
    lock = null;
    for (const file of await submitEvents(held)) expect(file).toMatchObject({ state: 'draft', submits: '0' });

    // The dead process renews no lease: until the last one it granted lapses, retries still wait.
    api = await OneGateProcess.api(deployment.env);
    const leaseEnd = Number(until);
    while (Date.now() < leaseEnd - 1_000) {
      for (const answer of await Promise.all(held.map((id, index) => submit(id, keys[index])))) {
        if (Date.now() < leaseEnd - 500) expectComeBackLater(answer);
      }
      await sleep(1_000);
    }
    await sleep(Math.max(0, leaseEnd - Date.now()) + 200);

    // Three retries of each key at once: one takes the key over and submits, the others wait or replay.
    const retries = await Promise.all(
      held.flatMap((id, index) => [1, 2, 3].map(() => submit(id, keys[index]))),
    );
    for (let file = 0; file < HELD; file += 1) {
      const statuses = retries.slice(file * 3, file * 3 + 3).map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    }
    // Afterwards every key, retried or answered before the kill, replays its submission.
    const last = await Promise.all(ids.map((id, index) => submit(id, keys[index])));
    expect(last.map((answer) => [answer.status, answer.body.state])).toEqual(
      Array(FILES).fill([200, 'submitted']),
    );
    for (const file of await submitEvents(ids))
      expect(file).toMatchObject({ state: 'submitted', submits: '1' });
    const [{ open }] = await sql<{ open: string }>(
      'SELECT count(*) AS open FROM idempotency_records WHERE status_code IS NULL',
    );
    expect(open).toBe('0');
  });
});
