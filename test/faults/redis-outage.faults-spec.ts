import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { eventually } from '../support/http';
import { Deployment } from './support/deployment';
import type { queuesOf } from './support/inspection';
import { inBatches, query, readyDraft } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';
import type { PrivateRedis } from './support/private-redis';

const SUBMISSIONS = 200;
const PARALLEL = 8;

/**
 * Redis crashes while 200 applications are being submitted, and comes back. Each submission is
 * either accepted (and its intake job runs once Redis is back: the job waited in the outbox) or
 * refused with 503 and a clear message; the database holds exactly what the answers said.
 */
describe('Redis stopped during submissions', () => {
  let deployment: Deployment;
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: OneGateProcess;
  let worker: OneGateProcess;
  let queues: ReturnType<typeof queuesOf>;
  let apps: ApplicationsClient;
  let citizen: Tokens;

  beforeAll(async () => {
    // Persistent, as a production Redis holding queues must be: jobs relayed before the crash survive it.
    deployment = await Deployment.start({ persistentRedis: true });
    ({ redis, env, queues } = deployment);
    api = await OneGateProcess.api(env);
    worker = await OneGateProcess.worker(env);
    apps = new ApplicationsClient(api.url);
    citizen = await signIn(api.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await deployment?.remove();
  });

  it('accepts or refuses (503) each submission, loses none, and runs the accepted ones once', async () => {
    const ids = await inBatches(Array.from({ length: SUBMISSIONS }), PARALLEL, () =>
      readyDraft(apps, citizen, 'record'),
    );

    let answered = 0;
    let readinessDuringOutage = 0;
    const outage = (async () => {
      await eventually(async () => (answered >= 20 ? true : undefined), 60_000);
      await redis.halt();
      readinessDuringOutage = await api.readiness();
      await eventually(async () => (answered >= SUBMISSIONS - 20 ? true : undefined), 60_000);
      await redis.resume();
    })();
    const answers = await inBatches(ids, PARALLEL, async (id) => {
      const sent = await apps.act(citizen, id, 'submit');
      answered += 1;
      return { id, status: sent.status, message: sent.body.message };
    });
    await outage;

    expect(readinessDuringOutage).toBe(503);
    const unexpected = answers.filter((answer) => answer.status !== 200 && answer.status !== 503);
    expect(unexpected).toEqual([]);
    for (const refused of answers.filter((answer) => answer.status === 503))
      expect(refused.message).toMatch(/try again/i);
    const accepted = answers.filter((answer) => answer.status === 200).map((answer) => answer.id);
    const refused = answers.filter((answer) => answer.status === 503).map((answer) => answer.id);

    // What the database holds matches the answers: no submission lost, none half-made.
    const files = await query<{ id: string; state: string; submits: string; intakes: string }>(
      env.DATABASE_URL,
      `SELECT a.id, a.state,
              (SELECT count(*) FROM application_events e WHERE e.application_id = a.id AND e.type = 'submit') AS submits,
              (SELECT count(*) FROM outbox_messages o WHERE o.job_name = 'intake.route'
                 AND o.job_id LIKE a.id || ':submit:%') AS intakes
         FROM applications a WHERE a.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(files.map((file) => [file.id, file]));
    expect(byId.size).toBe(SUBMISSIONS);
    for (const id of accepted)
      expect(byId.get(id)).toMatchObject({ state: 'submitted', submits: '1', intakes: '1' });
    for (const id of refused)
      expect(byId.get(id)).toMatchObject({ state: 'draft', submits: '0', intakes: '0' });

    // Once Redis is back, every accepted submission's intake job runs, once.
    await redis.resume();
    await api.waitUntilReady(true);
    const intakeDone = await eventually(async () => {
      const completed = await queues.intake.getJobs(['completed'], 0, -1);
      const done = new Set(completed.map((job) => (job.data as { applicationId: string }).applicationId));
      return accepted.every((id) => done.has(id)) ? completed : undefined;
    }, 60_000);
    expect(intakeDone).toHaveLength(accepted.length);
    expect(await queues.intake.getJobCounts('failed', 'wait', 'active')).toEqual({
      failed: 0,
      wait: 0,
      active: 0,
    });
    const [{ pending }] = await query<{ pending: string }>(
      env.DATABASE_URL,
      'SELECT count(*) AS pending FROM outbox_messages WHERE dispatched_at IS NULL',
    );
    expect(pending).toBe('0');
  });
});
