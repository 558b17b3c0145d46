import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient, PDF_BYTES } from '../support/applications';
import { eventually } from '../support/http';
import { SmtpCatcher } from '../support/smtp-catcher';
import { Deployment } from './support/deployment';
import type { queuesOf } from './support/inspection';
import { forgetDeadWorker, inBatches, query, readyDraft, sleep } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';

const FILES = 16;
/** The file whose stored document is swapped for a named pipe: its intake job blocks mid-read. */
const STUCK_INTAKE = 6;

/**
 * The worker is killed with SIGKILL while intake, issuance and notification jobs are running. After a
 * restart every job completes, each e-mail reaches the (real) SMTP server once and each result is
 * signed once.
 *
 * The kill is made to land mid-job: one intake job reads a named pipe that never delivers, the mail
 * server leaves a message unanswered (as a slow server does), and issuance still has a backlog when
 * its first result is stored. After the kill the test checks that each of the three queues had a job
 * in progress.
 */
describe('worker killed mid-job (SIGKILL)', () => {
  let deployment: Deployment;
  let smtp: SmtpCatcher;
  let env: Record<string, string>;
  let api: OneGateProcess;
  let worker: OneGateProcess | null = null;
  let queues: ReturnType<typeof queuesOf>;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    deployment = await Deployment.start({ smtpUrl: smtp.url, extra: { WORKER_CONCURRENCY: '1' } });
    ({ env, queues } = deployment);
    api = await OneGateProcess.api(env);
    apps = new ApplicationsClient(api.url);
    citizen = await signIn(api.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
    clerk = await signIn(api.url, DEMO_ACCOUNTS.clerk, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await worker?.kill();
    await api?.stop();
    await smtp?.stop();
    await deployment?.remove();
  });

  const sql = <Row = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    query<Row>(env.DATABASE_URL, text, values);

  it('completes every job once after a restart: one e-mail each, one signature each', async () => {
    // Submitted, received and decided while no worker runs: every job waits in the outbox.
    const ids = await inBatches(Array.from({ length: FILES }), 4, () => readyDraft(apps, citizen));
    await inBatches(ids, 4, async (id) => {
      for (const [who, action] of [
        [citizen, 'submit'],
        [clerk, 'receive'],
        [clerk, 'approve'],
      ] as const)
        expect((await apps.act(who, id, action)).status).toBe(200);
    });
    const [stuck] = await sql<{ storage_key: string }>(
      'SELECT storage_key FROM attachments WHERE application_id = $1',
      [ids[STUCK_INTAKE]],
    );
    const stuckFile = join(
      env.STORAGE_DIR,
      stuck.storage_key.slice(0, 2),
      stuck.storage_key.slice(2, 4),
      stuck.storage_key,
    );
    rmSync(stuckFile);
    execFileSync('mkfifo', [stuckFile]);

    worker = await OneGateProcess.worker(env);
    // A few e-mails go through, then the server stops answering: a send is in progress.
    await eventually(async () => (smtp.messages.length >= 2 ? true : undefined), 30_000);
    smtp.hold();
    await eventually(async () => (smtp.heldCount >= 1 ? true : undefined), 30_000);
    // Every accepted e-mail is recorded as sent before the kill (the one gap the design accepts is
    // a kill between the server's acceptance and that record; Message-IDs let mail systems spot it).
    await eventually(async () => {
      const accepted = smtp.messages.map((message) => notificationIdOf(message.messageId));
      const sent = await sql('SELECT id FROM notifications WHERE id = ANY($1) AND email_status = $2', [
        accepted,
        'sent',
      ]);
      return sent.length === accepted.length ? true : undefined;
    });
    // Killed as soon as the first result is issued, while the rest of the backlog waits.
    const deadline = Date.now() + 30_000;
    while ((await queues.issuance.getCompletedCount()) === 0 && Date.now() < deadline) await sleep(10);
    await worker.kill();
    worker = null;

    const inProgress = {
      intake: await queues.intake.getActiveCount(),
      issuance: await queues.issuance.getActiveCount(),
      notifications: await queues.notifications.getActiveCount(),
    };
    expect(inProgress).toEqual({ intake: 1, issuance: 1, notifications: 1 });
    expect(await queues.intake.getCompletedCount()).toBeGreaterThanOrEqual(4); // the files of earlier batches
    expect(await queues.issuance.getCompletedCount()).toBeGreaterThanOrEqual(1);

    // The stored document comes back, the mail server answers again, and a new worker starts.
    rmSync(stuckFile);
    writeFileSync(stuckFile, PDF_BYTES);
    smtp.release();
    await forgetDeadWorker(queues);
    worker = await OneGateProcess.worker(env);

    const expectedMails = FILES * 3; // submission acknowledged, file received, decision made
    await eventually(async () => {
      const [{ signed }] = await sql<{ signed: string }>(
        "SELECT count(*) AS signed FROM application_events WHERE type = 'sign'",
      );
      const intake = await queues.intake.getCompletedCount();
      return Number(signed) === FILES && intake === FILES && smtp.messages.length >= expectedMails
        ? true
        : undefined;
    }, 150_000);
    await sleep(1_000); // room for a duplicate to show up, were there one

    const perFile = await sql<{ id: string; results: string; signs: string; state: string }>(
      `SELECT a.id, a.state,
              (SELECT count(*) FROM results r WHERE r.application_id = a.id) AS results,
              (SELECT count(*) FROM application_events e WHERE e.application_id = a.id AND e.type = 'sign') AS signs
         FROM applications a WHERE a.id = ANY($1)`,
      [ids],
    );
    expect(perFile).toHaveLength(FILES);
    for (const file of perFile) expect(file).toMatchObject({ state: 'decided', results: '1', signs: '1' });

    const messageIds = smtp.messages.map((message) => message.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    expect(messageIds).toHaveLength(expectedMails);
    const notifications = await sql<{ id: string; email_status: string }>(
      'SELECT id, email_status FROM notifications WHERE application_id = ANY($1)',
      [ids],
    );
    expect(notifications).toHaveLength(expectedMails);
    expect(notifications.every((row) => row.email_status === 'sent')).toBe(true);
    expect(new Set(messageIds.map(notificationIdOf))).toEqual(new Set(notifications.map((row) => row.id)));
    for (const queue of [queues.intake, queues.issuance, queues.notifications])
      expect(await queue.getJobCounts('failed', 'active', 'wait')).toEqual({ failed: 0, active: 0, wait: 0 });
  });
});

/** Each e-mail's Message-ID is `<notification id@onegate>`. */
function notificationIdOf(messageId: string | null): string {
  return (messageId ?? '').replace(/^<|@onegate>$/g, '');
}
