import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { eventually, request } from '../support/http';
import { bearer } from '../support/accounts';
import { Deployment } from './support/deployment';
import type { queuesOf } from './support/inspection';
import { readyDraft, sleep } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';
import { PrivateCluster } from './support/private-postgres';

const LOAD_LOOPS = 4;

/**
 * PostgreSQL goes down (immediate shutdown: every connection cut) and comes back while the API is
 * under load. Readiness turns red, then green; the same API and worker processes serve again; no
 * request meanwhile gets a 500, only a 503 saying to try again.
 */
describe('PostgreSQL restarted under load', () => {
  let cluster: PrivateCluster;
  let deployment: Deployment;
  let env: Record<string, string>;
  let api: OneGateProcess;
  let worker: OneGateProcess;
  let queues: ReturnType<typeof queuesOf>;
  let apps: ApplicationsClient;
  let citizen: Tokens;

  beforeAll(async () => {
    cluster = await PrivateCluster.create();
    deployment = await Deployment.start({ databaseUrl: await cluster.createDatabase('onegate') });
    ({ env, queues } = deployment);
    api = await OneGateProcess.api(env);
    worker = await OneGateProcess.worker(env);
    apps = new ApplicationsClient(api.url);
    citizen = await signIn(api.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await deployment?.remove();
    cluster?.remove();
  });

  it('turns /health/ready red then green, and serves again without a restart', async () => {
    const apiPid = api.pid;
    const workerPid = worker.pid;
    let loading = true;
    const answers: { status: number; message: unknown }[] = [];
    const load = Array.from({ length: LOAD_LOOPS }, async (_, loop) => {
      while (loading) {
        const answer =
          loop % 2 === 0
            ? await request(`${api.url}/api/applications?limit=5`, { headers: bearer(citizen) })
            : await apps.create(citizen, '2.000488', {});
        answers.push({ status: answer.status, message: (answer.body as { message?: unknown }).message });
      }
    });
    const readiness: number[] = [];
    const watching = (async () => {
      while (loading) {
        const status = await api.readiness();
        if (readiness.at(-1) !== status) readiness.push(status);
        await sleep(100);
      }
    })();

    await sleep(1_000);
    cluster.stop();
    await api.waitUntilReady(false);
    await worker.waitUntilReady(false);
    await sleep(2_000);
    cluster.start();
    await api.waitUntilReady(true, 60_000);
    await worker.waitUntilReady(true, 60_000);
    await sleep(1_000);
    loading = false;
    await Promise.all([...load, watching]);

    expect(readiness.slice(0, 3)).toEqual([200, 503, 200]);
    expect(api.pid).toBe(apiPid);
    expect(worker.pid).toBe(workerPid);
    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(statuses).toContain(503);
    for (const refused of answers.filter((answer) => answer.status === 503))
      expect(refused.message).toMatch(/try again/i);

    // The same processes work as before: a new submission is accepted and its intake job runs.
    const id = await readyDraft(apps, citizen, 'record');
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    await eventually(async () => {
      const completed = await queues.intake.getJobs(['completed']);
      return completed.some((job) => (job.data as { applicationId: string }).applicationId === id)
        ? true
        : undefined;
    }, 30_000);
  });
});
