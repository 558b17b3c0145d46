import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';

import { AppConfig } from '@onegate/config';
import { OutboxRepository } from '@onegate/persistence';
import type { OutboxMessage, UnfinishedCursor, UnfinishedKind } from '@onegate/persistence';

import { JobDispatcher } from './job-dispatcher';
import { ALL_JOBS } from './job-registry';
import type { JobName } from './job-registry';

const BATCH = 200;
const HOUR_MS = 60 * 60_000;
/** Completed messages are kept this long for tracing. */
const KEEP_COMPLETED_MS = 24 * HOUR_MS;
/** As long as Redis keeps a failed job (the queues' removeOnFail): past that, nothing is left to check. */
const KEEP_UNFINISHED_MS = 7 * 24 * HOUR_MS;
const CLEANUP_EVERY_MS = 10 * 60_000;

export interface ReconcileOutcome {
  checked: number;
  redispatched: number;
  completed: number;
}

/**
 * Redis keeps nothing on disk, so a restart loses every job it held. The database knows better: each
 * relayed message stays unfinished until its job has run. Every OUTBOX_RECONCILE_MS the reconciler
 * looks at the messages relayed (and, delayed ones, due) more than a grace period ago that are still
 * unfinished, and asks BullMQ about each job: gone means lost, so it is enqueued again under the same
 * id with whatever delay remains; completed means only the completion mark was missed.
 *
 * The grace period (twice the interval, 60 s by default) is not what keeps a job from running twice:
 * a job still waiting, delayed, active or retrying exists in Redis and is left alone, however long the
 * queue. It keeps the look cheap (most messages complete within seconds and are never looked at), and
 * covers the moment between BullMQ finishing a job and the worker marking its message. Every
 * processor is idempotent, so even a job re-enqueued in that moment has the effect of one.
 */
@Injectable()
export class OutboxReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxReconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private lastCleanupAt = 0;

  public constructor(
    private readonly messages: OutboxRepository,
    private readonly jobs: JobDispatcher,
    private readonly config: AppConfig,
  ) {}

  public get graceMs(): number {
    return 2 * this.config.outboxReconcileMs;
  }

  public onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  public onApplicationShutdown(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One full pass over the unfinished messages past their grace period. */
  public async reconcileOnce(now = new Date()): Promise<ReconcileOutcome> {
    const outcome: ReconcileOutcome = { checked: 0, redispatched: 0, completed: 0 };
    const before = new Date(now.getTime() - this.graceMs);
    for (const kind of ['immediate', 'delayed'] as const) await this.reconcileKind(kind, before, outcome);
    if (outcome.redispatched > 0)
      this.logger.warn(outcome, 'outbox reconciler enqueued again jobs missing from the queues');
    if (now.getTime() - this.lastCleanupAt >= CLEANUP_EVERY_MS) {
      await this.messages.removeFinished(
        new Date(now.getTime() - KEEP_COMPLETED_MS),
        new Date(now.getTime() - KEEP_UNFINISHED_MS),
      );
      this.lastCleanupAt = now.getTime();
    }
    return outcome;
  }

  private async reconcileKind(kind: UnfinishedKind, before: Date, outcome: ReconcileOutcome): Promise<void> {
    for (let after: UnfinishedCursor | null = null; ;) {
      const batch = await this.messages.unfinished(kind, before, after, BATCH);
      const completed: string[] = [];
      for (const message of batch) {
        outcome.checked += 1;
        const found = await this.check(message);
        if (found === 'completed') completed.push(message.id);
        if (found === 'missing') outcome.redispatched += 1;
      }
      await this.messages.markCompletedByIds(completed, new Date());
      outcome.completed += completed.length;
      if (batch.length < BATCH) return;
      const last = batch[batch.length - 1];
      after = { at: kind === 'immediate' ? last.dispatchedAt! : last.runAt!, id: last.id };
    }
  }

  private async check(message: OutboxMessage): Promise<'completed' | 'missing' | 'present' | 'unknown'> {
    if (!ALL_JOBS.includes(message.jobName as JobName)) return 'unknown';
    const name = message.jobName as JobName;
    const found = await presenceOf(this.jobs.queueOf(name), message.jobId);
    if (found !== 'missing') return found;
    const delay = message.runAt ? Math.max(0, message.runAt.getTime() - Date.now()) : 0;
    await this.jobs.dispatch(name, message.payload as never, { jobId: message.jobId, delay });
    // Relayed again now: checked again only after another grace period.
    await this.messages.markDispatched([message.id], new Date());
    this.logger.warn({ messageId: message.id, jobName: name }, 'job missing from its queue: enqueued again');
    return 'missing';
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), this.config.outboxReconcileMs);
  }

  private async tick(): Promise<void> {
    try {
      await this.reconcileOnce();
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox reconciler paused: queue or database unavailable');
    }
    this.schedule();
  }
}

/**
 * Whether the job's hash exists, and whether it is among the completed: two O(1) reads. (BullMQ's own
 * getState scans the waiting list, too slow for a long backlog.)
 */
async function presenceOf(queue: Queue, jobId: string): Promise<'completed' | 'missing' | 'present'> {
  // Queues connect with ioredis (see redis-connection.ts).
  const client = (await queue.client) as unknown as Redis;
  const answers = await client
    .pipeline()
    .exists(queue.toKey(jobId))
    .zscore(queue.keys.completed, jobId)
    .exec();
  const [exists, completedAt] = (answers ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
  if (exists === 0) return 'missing';
  return completedAt === null ? 'present' : 'completed';
}
