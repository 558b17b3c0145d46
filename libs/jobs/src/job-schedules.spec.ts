import { EventEmitter } from 'node:events';

import { describe, expect, it } from 'vitest';

import type { JobDispatcher } from './job-dispatcher';
import { JobName } from './job-registry';
import type { JobSchedule } from './job-schedules';
import { JobScheduleKeeper } from './job-schedules';

const SCHEDULES: JobSchedule[] = [
  { id: 'deadlines-scan', name: JobName.ScanDeadlines, repeat: { every: 60_000 } },
  { id: 'weekly-digest', name: JobName.WeeklyDigest, repeat: { pattern: '0 7 * * 1', tz: 'UTC' } },
];

/** A queue holding schedules in memory, with a connection that can announce a reconnection. */
function fakeQueue() {
  const held = new Map<string, unknown>();
  const upserts: string[] = [];
  const connection = new EventEmitter();
  const queue = {
    client: Promise.resolve(connection),
    getJobScheduler: async (id: string) => held.get(id),
    upsertJobScheduler: async (id: string, repeat: unknown) => {
      upserts.push(id);
      held.set(id, repeat);
    },
  };
  const jobs = { queueOf: () => queue } as unknown as JobDispatcher;
  return { held, upserts, connection, jobs };
}

describe('job schedule keeper', () => {
  it('writes every schedule at start, replacing what Redis holds', async () => {
    const queue = fakeQueue();
    queue.held.set('deadlines-scan', { every: 1 });
    const keeper = new JobScheduleKeeper(queue.jobs, SCHEDULES);
    await keeper.onApplicationBootstrap();
    keeper.onApplicationShutdown();
    expect(queue.upserts).toEqual(['deadlines-scan', 'weekly-digest']);
    expect(queue.held.get('deadlines-scan')).toEqual({ every: 60_000 });
  });

  it('later registers only the schedules Redis lost, leaving the others as they are', async () => {
    const queue = fakeQueue();
    const keeper = new JobScheduleKeeper(queue.jobs, SCHEDULES);
    await keeper.onApplicationBootstrap();
    queue.held.set('deadlines-scan', { every: 2_000 });
    queue.held.delete('weekly-digest');
    queue.upserts.length = 0;
    expect(await keeper.register()).toEqual(['weekly-digest']);
    expect(queue.held.get('deadlines-scan')).toEqual({ every: 2_000 });
    keeper.onApplicationShutdown();
  });

  it('checks again as soon as the connection to Redis is back', async () => {
    const queue = fakeQueue();
    const keeper = new JobScheduleKeeper(queue.jobs, SCHEDULES);
    await keeper.onApplicationBootstrap();
    queue.held.clear(); // Redis restarted empty
    queue.upserts.length = 0;
    queue.connection.emit('ready');
    await new Promise((settle) => setTimeout(settle, 10));
    expect(queue.upserts.sort()).toEqual(['deadlines-scan', 'weekly-digest']);
    keeper.onApplicationShutdown();
    queue.connection.emit('ready');
    expect(queue.connection.listenerCount('ready')).toBe(0);
  });
});
