import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JobName } from '@onegate/jobs';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { RECORD_FORM } from '../support/demo-facts';
import { eventually } from '../support/http';
import { Deployment } from './support/deployment';
import type { queuesOf } from './support/inspection';
import { inBatches, query, readyDraft } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';
import type { PrivateRedis } from './support/private-redis';

const FILES = 20;

/**
 * Redis keeps nothing on disk (as in production): killed and started again, it is empty. Files are
 * submitted while intake is held still, so their jobs have been relayed to Redis but not run; then
 * Redis dies and comes back empty. The worker finds the jobs missing (the outbox says they never
 * finished), enqueues them again, and each runs once; its repeating jobs are registered again without
 * a restart.
 */
describe('Redis restarted empty', () => {
  let deployment: Deployment;
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: OneGateProcess;
  let worker: OneGateProcess;
  let queues: ReturnType<typeof queuesOf>;

  beforeAll(async () => {
    // Checked every second, missing after two: the production default is every 30 s, after 60 s.
    deployment = await Deployment.start({
      persistentRedis: false,
      extra: { OUTBOX_RECONCILE_MS: '1000', LOG_LEVEL: 'warn' },
    });
    ({ redis, env, queues } = deployment);
    api = await OneGateProcess.api(env);
    worker = await OneGateProcess.worker(env);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await deployment?.remove();
  });

  const sql = <Row = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    query<Row>(env.DATABASE_URL, text, values);

  const schedules = async () =>
    (await Promise.all([queues.deadlines.getJobSchedulers(), queues.system.getJobSchedulers()]))
      .flat()
      .map((scheduler) => scheduler.key)
      .sort();

  const intakeRuns = async () => {
    const text = await (await fetch(`${worker.url}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (candidate) =>
          candidate.startsWith('onegate_jobs_total{') &&
          candidate.includes(`job="${JobName.Intake}"`) &&
          candidate.includes('outcome="completed"'),
      );
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  it('runs every relayed job once and brings the schedules back', async () => {
    expect(await schedules()).toEqual(['deadlines-scan', 'retention-sweep', 'weekly-digest']);
    const apps = new ApplicationsClient(api.url);
    const citizen = await signIn(api.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);

    // The worker relays but runs no intake: the jobs wait in Redis.
    await queues.intake.pause();
    const ids = await inBatches(Array.from({ length: FILES }), 4, () => readyDraft(apps, citizen, 'record'));
    await inBatches(ids, 4, async (id) => expect((await apps.act(citizen, id, 'submit')).status).toBe(200));
    await eventually(async () => {
      const [{ waiting }] = await sql<{ waiting: string }>(
        "SELECT count(*) AS waiting FROM outbox_messages WHERE job_name = 'intake.route' AND dispatched_at IS NULL",
      );
      const held = await queues.intake.getJobCounts('paused', 'wait');
      return waiting === '0' && held.paused + held.wait === FILES ? true : undefined;
    }, 20_000);

    expect(await intakeRuns()).toBe(0);

    const lostAt = Date.now();
    await redis.halt();
    await redis.resume();

    await eventually(async () => {
      const [{ unfinished }] = await sql<{ unfinished: string }>(
        "SELECT count(*) AS unfinished FROM outbox_messages WHERE job_name = 'intake.route' AND completed_at IS NULL",
      );
      return unfinished === '0' ? true : undefined;
    }, 30_000);
    await new Promise((wait) => setTimeout(wait, 2_000)); // room for a duplicate, were there one

    // Each was enqueued again after the loss, under its own id, and ran once.
    const relayed = await sql<{ dispatched_at: string }>(
      "SELECT dispatched_at FROM outbox_messages WHERE job_name = 'intake.route'",
    );
    expect(relayed).toHaveLength(FILES);
    expect(relayed.every((message) => Number(message.dispatched_at) >= lostAt)).toBe(true);
    const completed = await queues.intake.getJobs(['completed'], 0, -1);
    expect(completed.map((job) => (job.data as { applicationId: string }).applicationId).sort()).toEqual(
      [...ids].sort(),
    );
    expect(await intakeRuns()).toBe(FILES);
    expect(await queues.intake.getJobCounts('failed', 'wait', 'active')).toEqual({
      failed: 0,
      wait: 0,
      active: 0,
    });
    expect(
      await eventually(async () => ((await schedules()).length === 3 ? schedules() : undefined)),
    ).toEqual(['deadlines-scan', 'retention-sweep', 'weekly-digest']);
    const output = worker.output();
    expect(output).toContain('job missing from its queue: enqueued again');
    // The warnings name no national ID number (the demo citizen's, also in the form).
    expect(output).not.toContain(RECORD_FORM.nationalId);
  });
});
