import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JobName, QueueName } from '@onegate/jobs';

import { DEADLINE_SCAN_EVERY_MS } from '../../apps/worker/src/deadlines/deadline-schedules';

import { bearer, DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import type { ApplicationBody } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_FORM } from '../support/demo-facts';
import { eventually, request } from '../support/http';
import { Deployment } from './support/deployment';
import type { queuesOf } from './support/inspection';
import { inBatches, readyDraft, sleep } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';

const RATE_LIMIT = 5;
const SCAN_EVERY_MS = 2_000;

/** Two API and two worker processes on one PostgreSQL database and one Redis. */
describe('two APIs and two workers sharing PostgreSQL and Redis', () => {
  let deployment: Deployment;
  let env: Record<string, string>;
  let apis: OneGateProcess[];
  let workers: OneGateProcess[];
  let queues: ReturnType<typeof queuesOf>;
  let citizen: Tokens;
  let clerk: Tokens;

  beforeAll(async () => {
    deployment = await Deployment.start({ extra: { AUTH_RATE_LIMIT: String(RATE_LIMIT) } });
    ({ env, queues } = deployment);
    // The first API migrates and seeds; the others start on a ready database, all at once.
    const first = await OneGateProcess.api(env);
    const [second, ...both] = await Promise.all([
      OneGateProcess.api(env),
      OneGateProcess.worker(env),
      OneGateProcess.worker(env),
    ]);
    apis = [first, second];
    workers = both;
    citizen = await signIn(first.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
    clerk = await signIn(second.url, DEMO_ACCOUNTS.clerk, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await Promise.all([...(workers ?? []), ...(apis ?? [])].map((process) => process.stop()));
    await deployment?.remove();
  });

  it('gives unique, gapless receipt codes to files registered and received at once through both APIs', async () => {
    const clients = apis.map((api) => new ApplicationsClient(api.url));
    const online = await inBatches(Array.from({ length: 20 }), 4, () => readyDraft(clients[0], citizen));
    await inBatches(online, 4, async (id) =>
      expect((await clients[0].act(citizen, id, 'submit')).status).toBe(200),
    );

    const registrations = Array.from({ length: 40 }, (_, index) =>
      request<ApplicationBody>(`${apis[index % 2].url}/api/applications/counter`, {
        method: 'POST',
        headers: bearer(clerk),
        body: {
          procedureCode: HOUSEHOLD,
          applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A' },
          formData: HOUSEHOLD_FORM,
        },
      }),
    );
    const receptions = online.map((id, index) => clients[index % 2].act(clerk, id, 'receive'));
    const answers = await Promise.all([...registrations, ...receptions]);

    expect(answers.map((answer) => answer.status)).toEqual([
      ...registrations.map(() => 201),
      ...receptions.map(() => 200),
    ]);
    const codes = answers.map((answer) => answer.body.code!);
    expect(new Set(codes).size).toBe(codes.length);
    // Per agency and day (QN-HL-YYMMDD-NNNN), the numbers run from 1 without a gap.
    const numbersByDay = new Map<string, number[]>();
    for (const code of codes) {
      const [, day, number] = /^(QN-HL-\d{6})-(\d{4})$/.exec(code)!;
      numbersByDay.set(day, [...(numbersByDay.get(day) ?? []), Number(number)]);
    }
    for (const numbers of numbersByDay.values())
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, index) => index + 1));
  });

  it('runs a repeatable job once per tick, whichever worker takes it', async () => {
    // Both workers registered every schedule: each exists once, with one next run.
    const everyQueue = Object.values(QueueName).map((name) => queues[name]);
    const schedules = (await Promise.all(everyQueue.map((queue) => queue.getJobSchedulers())))
      .flat()
      .map((scheduler) => scheduler.key);
    expect(schedules).toEqual(expect.arrayContaining(['deadlines-scan', 'weekly-digest']));
    expect(new Set(schedules).size).toBe(schedules.length);
    const upcoming = (await Promise.all(everyQueue.map((queue) => queue.getJobs(['delayed', 'wait'], 0, -1))))
      .flat()
      .filter((job) => job.repeatJobKey)
      .map((job) => job.repeatJobKey);
    expect(upcoming.sort()).toEqual([...schedules].sort());

    // The scan runs every 15 minutes; registered again with a 2-second period (as each worker
    // registers it at start), it ticks often enough to watch both workers compete for each tick.
    const deadlines = queues.deadlines;
    const ranBefore = await scansRun();
    const startedAt = Date.now();
    await deadlines.upsertJobScheduler(
      'deadlines-scan',
      { every: SCAN_EVERY_MS },
      { name: JobName.ScanDeadlines, data: {} },
    );
    await sleep(5 * SCAN_EVERY_MS + 500);
    const elapsed = Date.now() - startedAt;
    // Back to the worker's own period (rather than removed, which a worker would undo any minute): the
    // next tick is then a quarter of an hour away, and the ticks counted below have all run.
    await deadlines.upsertJobScheduler(
      'deadlines-scan',
      { every: DEADLINE_SCAN_EVERY_MS },
      { name: JobName.ScanDeadlines, data: {} },
    );
    const isScan = (job: { name: string }) => job.name === JobName.ScanDeadlines;
    const dueSoon = (job: { timestamp: number; delay: number }) =>
      job.timestamp + job.delay < Date.now() + 60_000;
    await eventually(async () => {
      const running = await deadlines.getJobs(['active', 'wait'], 0, -1);
      const delayed = await deadlines.getJobs(['delayed'], 0, -1);
      return running.some(isScan) || delayed.filter(isScan).some(dueSoon) ? undefined : true;
    });

    const ticks = (await deadlines.getJobs(['completed', 'failed'], 0, -1)).filter(
      (job) => isScan(job) && job.timestamp >= startedAt,
    );
    const ids = ticks.map((tick) => tick.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ticks.filter((tick) => tick.failedReason)).toEqual([]);
    const done = ticks.length;
    // One run per tick in all: the two workers together ran as many scans as there were ticks.
    expect(done).toBeGreaterThanOrEqual(Math.floor(elapsed / SCAN_EVERY_MS) - 1);
    expect(done).toBeLessThanOrEqual(Math.ceil(elapsed / SCAN_EVERY_MS) + 2);
    expect((await scansRun()) - ranBefore).toBe(done);
  });

  it('holds a rate limit across both APIs, also under concurrent requests', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 3 * RATE_LIMIT }, (_, index) =>
        request(`${apis[index % 2].url}/api/auth/register`, { method: 'POST', body: {} }),
      ),
    );
    const statuses = attempts.map((attempt) => attempt.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * RATE_LIMIT);
  });

  /** How many deadline scans the two workers have completed, from their own metrics. */
  async function scansRun(): Promise<number> {
    let total = 0;
    for (const worker of workers) {
      const text = await (await fetch(`${worker.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          (candidate) =>
            candidate.startsWith('onegate_jobs_total{') &&
            candidate.includes(`job="${JobName.ScanDeadlines}"`) &&
            candidate.includes('outcome="completed"'),
        );
      total += line ? Number(line.split(' ').at(-1)) : 0;
    }
    return total;
  }
});
