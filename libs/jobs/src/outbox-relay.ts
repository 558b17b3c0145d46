import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';

import { OutboxRepository } from '@onegate/persistence';

import { JobDispatcher } from './job-dispatcher';
import { ALL_JOBS } from './job-registry';
import type { JobName } from './job-registry';

const BATCH = 200;
const IDLE_MS = 250;
const LONGEST_PAUSE_MS = 10_000;

/**
 * Moves committed outbox messages to their queues. Each message becomes a job with its own id, so a
 * message relayed twice (two relays, or a crash before it was marked) is still one job. While Redis is
 * away the messages wait in the database and the relay backs off.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private pauseMs = IDLE_MS;

  public constructor(
    private readonly messages: OutboxRepository,
    private readonly jobs: JobDispatcher,
  ) {}

  public onApplicationBootstrap(): void {
    this.running = true;
    this.schedule(0);
  }

  public onApplicationShutdown(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Relays one batch; answers how many messages it moved. */
  public async relayOnce(): Promise<number> {
    const batch = await this.messages.pending(BATCH);
    const known = batch.filter((message) => {
      if (ALL_JOBS.includes(message.jobName as JobName)) return true;
      this.logger.error(
        { messageId: message.id, jobName: message.jobName },
        'outbox message for an unknown job',
      );
      return false;
    });
    // Enqueued together; each job has its own id, so a batch retried after a failure is still one job
    // each. A message Redis refuses stays pending and is retried without holding back the others.
    const outcomes = await Promise.allSettled(
      known.map((message) =>
        this.jobs.dispatch(message.jobName as JobName, message.payload as never, {
          jobId: message.jobId,
          delay: message.runAt ? Math.max(0, message.runAt.getTime() - Date.now()) : 0,
        }),
      ),
    );
    const moved = known
      .filter((_, index) => outcomes[index].status === 'fulfilled')
      .map((message) => message.id);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    await this.messages.markDispatched(moved, new Date());
    if (refused) throw refused.reason;
    return moved.length;
  }

  private schedule(afterMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), afterMs);
  }

  private async tick(): Promise<void> {
    try {
      const moved = await this.relayOnce();
      this.pauseMs = IDLE_MS;
      this.schedule(moved === BATCH ? 0 : IDLE_MS);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay paused: queue or database unavailable');
      this.pauseMs = Math.min(this.pauseMs * 2, LONGEST_PAUSE_MS);
      this.schedule(this.pauseMs);
    }
  }
}
