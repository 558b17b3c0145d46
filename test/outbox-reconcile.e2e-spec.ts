import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { In, IsNull, Not } from 'typeorm';

import { AppConfig } from '@onegate/config';
import { JobDispatcher, JobName } from '@onegate/jobs';
import {
  ApplicationEvent,
  IssuedResult,
  MailSinkMessage,
  Notification,
  OutboxMessage,
  OutboxRepository,
} from '@onegate/persistence';

import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';

const FILES = 3;
/** The reconciler looks every 300 ms at messages relayed more than 600 ms ago. */
const RECONCILE_MS = 300;
const LOST_JOBS = [JobName.Intake, JobName.IssueResult, JobName.SendNotification, JobName.RenderForm];

/**
 * Redis keeps nothing on disk: a restart empties it. Here the jobs of submitted, received and approved
 * files are relayed to queues held still, then removed from Redis altogether (the suite's own queues
 * only). The reconciler finds them missing, enqueues them again, and every file ends as if nothing had
 * happened: intake run, one result signed once, one e-mail per notification.
 */
describe(`outbox reconciler after Redis lost its jobs (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let citizen: Tokens;
  let clerk: Tokens;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, outboxReconcileMs: RECONCILE_MS }),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const decidedFile = async (): Promise<string> => {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, draft.body.id);
    for (const [who, action, fields] of [
      [citizen, 'submit', {}],
      [clerk, 'receive', {}],
      [clerk, 'approve', {}],
    ] as const)
      expect((await apps.act(who, draft.body.id, action, fields)).status).toBe(200);
    return draft.body.id;
  };

  it('enqueues lost jobs again under their ids, and each runs once in effect', async () => {
    const jobs = stack.worker!.get(JobDispatcher);
    const lostQueues = [...new Set(LOST_JOBS.map((name) => jobs.queueOf(name)))];
    for (const queue of lostQueues) await queue.pause();
    const ids: string[] = [];
    for (let file = 0; file < FILES; file++) ids.push(await decidedFile());

    const outbox = stack.apiDataSource.getRepository(OutboxMessage);
    await eventually(async () =>
      (await outbox.countBy({ dispatchedAt: IsNull() })) === 0 ? true : undefined,
    );
    const intakeMessages = await outbox.findBy({ jobName: JobName.Intake });
    expect(intakeMessages.map((message) => message.payload.applicationId).sort()).toEqual([...ids].sort());
    // Relayed, held in their queues past the grace period: present, so the reconciler leaves them be.
    await new Promise((wait) => setTimeout(wait, 4 * RECONCILE_MS));
    expect(await lostQueues[0].getJob(intakeMessages[0].jobId)).toBeDefined();

    // What an emptied Redis looks like to these queues: no job, no pause.
    const emptiedAt = Date.now();
    for (const queue of lostQueues) await queue.obliterate({ force: true });
    // Gone, unless the reconciler (every 300 ms) has already queued it again since.
    const left = await jobs.queueOf(JobName.Intake).getJob(intakeMessages[0].jobId);
    expect(left === undefined || left.timestamp >= emptiedAt).toBe(true);

    const events = stack.apiDataSource.getRepository(ApplicationEvent);
    await eventually(async () => {
      const signed = await events.countBy({ applicationId: In(ids), type: 'sign' });
      const unfinished = await outbox.countBy({
        jobName: In(LOST_JOBS),
        runAt: IsNull(),
        completedAt: IsNull(),
      });
      return signed === FILES && unfinished === 0 ? true : undefined;
    }, 30_000);
    await new Promise((wait) => setTimeout(wait, 4 * RECONCILE_MS)); // room for a duplicate, were there one

    // Intake ran again under its own id.
    for (const message of intakeMessages) {
      const job = await jobs.queueOf(JobName.Intake).getJob(message.jobId);
      expect(await job?.getState()).toBe('completed');
    }
    const results = stack.apiDataSource.getRepository(IssuedResult);
    for (const id of ids) {
      expect(await events.countBy({ applicationId: id, type: 'sign' })).toBe(1);
      expect(await results.countBy({ applicationId: id })).toBe(1);
    }
    const notifications = await stack.apiDataSource
      .getRepository(Notification)
      .findBy({ applicationId: In(ids), emailStatus: Not('none') });
    expect(notifications.length).toBeGreaterThanOrEqual(2 * FILES); // file received, decision made
    expect(notifications.every((notification) => notification.emailStatus === 'sent')).toBe(true);
    expect(await stack.apiDataSource.getRepository(MailSinkMessage).count()).toBe(notifications.length);
  });

  it('removes completed messages once kept long enough, and never an unfinished one', async () => {
    const outbox = stack.apiDataSource.getRepository(OutboxMessage);
    const unfinished = await outbox.countBy({ completedAt: IsNull() });
    expect(unfinished).toBeGreaterThan(0); // the deadline checks, due in days
    await stack.worker!.get(OutboxRepository).removeFinished(new Date(Date.now() + 60_000), new Date(0));
    expect(await outbox.countBy({ completedAt: Not(IsNull()) })).toBe(0);
    expect(await outbox.count()).toBe(unfinished);
  });
});
