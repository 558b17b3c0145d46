import { Injectable, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JobRun } from '@onegate/persistence';
import { ALL_QUEUES, JobDispatcher, JobName, OnJob, UnhandledJobsError } from '@onegate/jobs';

import { JOB_MODULES } from '../apps/worker/src/worker.module';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { eventually, request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

describe(`jobs: API → Redis → worker → database (${testDatabaseKind()})`, () => {
  let stack: TestStack;

  let admin: Record<string, string>;

  beforeAll(async () => {
    stack = await TestStack.start();
    admin = bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!));
  });

  afterAll(() => stack?.stop());

  it('processes a ping job and records it once in the database', async () => {
    const queued = await request(`${stack.apiUrl}/api/admin/ping-job`, {
      method: 'POST',
      headers: admin,
      body: { note: 'xin chào' },
    });
    expect(queued.status).toBe(202);
    const jobId = String(queued.body.jobId);
    const processed = await eventually(async () => {
      const status = await request(`${stack.apiUrl}/api/admin/ping-job/${jobId}`, { headers: admin });
      return status.body.state === 'processed' ? status.body : undefined;
    });
    expect(processed).toMatchObject({ jobId, note: 'xin chào', processedAt: expect.any(String) });
    const rows = await stack.apiDataSource.getRepository(JobRun).findBy({ jobId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ queue: 'system', name: 'system.ping' });
  });

  it('counts the job in the worker metrics and the queue in the API metrics', async () => {
    const worker = await (await fetch(`${stack.workerUrl}/metrics`)).text();
    expect(worker).toMatch(
      /onegate_jobs_total\{queue="system",job="system.ping",outcome="completed"[^}]*\} [1-9]/,
    );
    expect(worker).toContain('onegate_job_duration_seconds_bucket');
    const api = await (await fetch(`${stack.apiUrl}/metrics`)).text();
    expect(api).toMatch(/onegate_queue_jobs\{queue="system",state="completed"[^}]*\} [1-9]/);
  });

  it('has a worker taking jobs from every queue of the registry', async () => {
    const dispatcher = stack.worker!.get(JobDispatcher);
    for (const name of ALL_QUEUES) {
      const queue = dispatcher.allQueues().find((candidate) => candidate.name === name)!;
      expect(await queue.getWorkersCount(), name).toBeGreaterThan(0);
    }
  });

  it('rejects an invalid ping body with 400 naming the field', async () => {
    const { status, body } = await request(`${stack.apiUrl}/api/admin/ping-job`, {
      method: 'POST',
      headers: admin,
      body: { note: 42 },
    });
    expect(status).toBe(400);
    expect(body.details).toEqual([{ field: 'note', problems: expect.any(Array) }]);
  });

  it('answers 404 for a job that does not exist', async () => {
    const { status } = await request(`${stack.apiUrl}/api/admin/ping-job/does-not-exist`, { headers: admin });
    expect(status).toBe(404);
  });
});

@Module({})
class NothingHandled {}

@Injectable()
class SecondPingRecorder {
  @OnJob(JobName.Ping)
  public async record(): Promise<void> {}
}

@Module({ providers: [SecondPingRecorder] })
class PingHandledTwice {}

describe(`worker start-up (${testDatabaseKind()})`, () => {
  it('refuses to start when a registered job has no handler', async () => {
    await expect(TestStack.start({ workerJobModules: [NothingHandled] })).rejects.toThrow(UnhandledJobsError);
  });

  it('refuses to start when a job has two handlers', async () => {
    await expect(TestStack.start({ workerJobModules: [...JOB_MODULES, PingHandledTwice] })).rejects.toThrow(
      /more than one handler for job\(s\): system.ping/,
    );
  });
});
