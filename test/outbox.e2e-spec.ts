import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IsNull, Not } from 'typeorm';

import { AppConfig } from '@onegate/config';
import { JobDispatcher, JobName } from '@onegate/jobs';
import { openDatabase, OutboxMessage } from '@onegate/persistence';

import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { eventually } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { RECORD_FORM as FORM } from './support/demo-facts';

const NO_REDIS = 'redis://127.0.0.1:1';

/**
 * The API below cannot reach Redis at all; the worker started later can. Submissions must still be
 * accepted (their jobs wait in the outbox, in the same transaction as the change) and run once a worker
 * with Redis relays them.
 */
describe(`transactional outbox (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let worker: INestApplication | null = null;
  let workingConfig: AppConfig;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => {
        workingConfig = config;
        return new AppConfig({ ...config, redisUrl: NO_REDIS });
      },
    });
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.stop();
  });

  it('accepts submissions while Redis is away, and runs their jobs once it is back', async () => {
    const citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    const apps = new ApplicationsClient(stack.apiUrl);
    const submitted: string[] = [];
    for (let index = 0; index < 5; index++) {
      const draft = await apps.create(citizen, '2.000488', FORM);
      await apps.upload(citizen, draft.body.id, 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', PDF_BYTES);
      const sent = await apps.act(citizen, draft.body.id, 'submit');
      expect(sent.status).toBe(200);
      submitted.push(draft.body.id);
    }
    const outbox = stack.apiDataSource.getRepository(OutboxMessage);
    expect(await outbox.countBy({ jobName: JobName.Intake, dispatchedAt: IsNull() })).toBe(5);

    worker = await createWorkerApp(workingConfig, await openDatabase(workingConfig, 'wait'));
    await worker.listen(0, '127.0.0.1');
    const intake = worker.get(JobDispatcher).queueOf(JobName.Intake);
    for (const id of submitted) {
      const state = await eventually(async () => {
        const job = await intake.getJob(`${id}:submit:2`);
        const current = job ? await job.getState() : undefined;
        return current === 'completed' ? current : undefined;
      });
      expect(state).toBe('completed');
    }
    expect(await outbox.countBy({ jobName: JobName.Intake, dispatchedAt: Not(IsNull()) })).toBe(5);
  });
});
