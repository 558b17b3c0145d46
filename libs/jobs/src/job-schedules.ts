import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { JobDispatcher } from './job-dispatcher';
import type { JobName } from './job-registry';

/** A repeating job. Its id is fixed, so however many workers register it there is one schedule. */
export interface JobSchedule {
  id: string;
  name: JobName;
  repeat: { every: number } | { pattern: string; tz: string };
}

/** The worker's repeating jobs, provided by the worker module. */
export const JOB_SCHEDULES = Symbol('JOB_SCHEDULES');

/** How often the worker checks that its schedules still exist in Redis. */
export const SCHEDULES_CHECK_MS = 60_000;

type RedisListener = { on(event: 'ready', listener: () => void): unknown } & {
  off(event: 'ready', listener: () => void): unknown;
};

/**
 * Registers the repeating jobs when the worker starts, and again whenever they are missing: Redis
 * keeps nothing on disk, so a restart empties it, schedules included. Checked every minute and as
 * soon as the connection to Redis is back. Only a missing schedule is registered, and registering
 * under a fixed id is idempotent in BullMQ, so two workers doing it at once still make one schedule
 * with one run per tick; a schedule changed on purpose (as the fault tests do) is left as it is.
 */
@Injectable()
export class JobScheduleKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobScheduleKeeper.name);
  private timer: NodeJS.Timeout | null = null;
  private readonly watched: RedisListener[] = [];
  private readonly onReconnect = () => void this.ensureQuietly();

  public constructor(
    private readonly jobs: JobDispatcher,
    @Inject(JOB_SCHEDULES) private readonly schedules: JobSchedule[],
  ) {}

  public async onApplicationBootstrap(): Promise<void> {
    // At start every schedule is written, so a changed definition replaces the one Redis holds.
    await this.register(false);
    this.timer = setInterval(this.onReconnect, SCHEDULES_CHECK_MS);
    for (const queue of this.queues()) {
      // Connected by now: every later 'ready' is a reconnection.
      const client = (await queue.client) as unknown as RedisListener;
      client.on('ready', this.onReconnect);
      this.watched.push(client);
    }
  }

  public onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    for (const client of this.watched) client.off('ready', this.onReconnect);
  }

  /** Registers each schedule (or only those Redis does not hold); answers the ids registered. */
  public async register(onlyMissing = true): Promise<string[]> {
    const registered: string[] = [];
    for (const schedule of this.schedules) {
      const queue = this.jobs.queueOf(schedule.name);
      if (onlyMissing && (await queue.getJobScheduler(schedule.id))) continue;
      await queue.upsertJobScheduler(schedule.id, schedule.repeat, { name: schedule.name, data: {} });
      registered.push(schedule.id);
    }
    return registered;
  }

  private async ensureQuietly(): Promise<void> {
    try {
      const registered = await this.register();
      if (registered.length > 0)
        this.logger.warn({ registered }, 'job schedules missing from Redis: registered again');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not check the job schedules: Redis unavailable');
    }
  }

  private queues(): Queue[] {
    return [...new Set(this.schedules.map((schedule) => this.jobs.queueOf(schedule.name)))];
  }
}
