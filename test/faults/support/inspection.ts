import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { Client } from 'pg';

import { QueueName } from '@onegate/jobs';

import type { ApplicationsClient } from '../../support/applications';
import { PDF_BYTES } from '../../support/applications';
import type { Tokens } from '../../support/accounts';
import {
  HOUSEHOLD,
  HOUSEHOLD_DOCUMENT,
  HOUSEHOLD_FORM,
  RECORD,
  RECORD_DOCUMENT,
  RECORD_FORM,
} from '../../support/demo-facts';

/** Runs one query on the deployment's database, as an operator would look at it. */
export async function query<Row = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** The deployment's queues, read from its Redis under its prefix. */
export function queuesOf(env: Record<string, string>): Record<QueueName, Queue> & { close(): Promise<void> } {
  const redis = new URL(env.REDIS_URL);
  const connection = { host: redis.hostname, port: Number(redis.port), maxRetriesPerRequest: null };
  const queues = Object.fromEntries(
    Object.values(QueueName).map((name) => [name, new Queue(name, { connection, prefix: env.QUEUE_PREFIX })]),
  ) as Record<QueueName, Queue>;
  return {
    ...queues,
    close: async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    },
  };
}

/**
 * A complete draft, ready to submit: a business household (Ha Long, the demo clerk's agency, fee
 * unpaid) or a criminal record certificate (no fee).
 */
export async function readyDraft(
  apps: ApplicationsClient,
  citizen: Tokens,
  procedure: 'household' | 'record' = 'household',
): Promise<string> {
  const household = procedure === 'household';
  const draft = await apps.create(
    citizen,
    household ? HOUSEHOLD : RECORD,
    household ? HOUSEHOLD_FORM : RECORD_FORM,
  );
  if (draft.status !== 201) throw new Error(`draft not created: ${draft.status}`);
  const document = household ? HOUSEHOLD_DOCUMENT : RECORD_DOCUMENT;
  const upload = await apps.upload(citizen, draft.body.id, document, PDF_BYTES);
  if (upload.status !== 201) throw new Error(`document not uploaded: ${upload.status}`);
  return draft.body.id;
}

/** Runs `work` over the items, `parallel` at a time, keeping the order of the results. */
export async function inBatches<Item, Result>(
  items: Item[],
  parallel: number,
  work: (item: Item, index: number) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let from = 0; from < items.length; from += parallel) {
    const batch = items.slice(from, from + parallel);
    results.push(...(await Promise.all(batch.map((item, offset) => work(item, from + offset)))));
  }
  return results;
}

export const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/**
 * What BullMQ itself does about a killed worker's jobs once their locks have expired (lockDuration,
 * 30 s) and two stalled-job checks have run (stalledInterval, 30 s): the jobs left active are marked
 * stalled, so the next worker's first check puts them back in the queue. Done at once here, so the
 * test does not wait a minute for it.
 */
export async function forgetDeadWorker(queues: Record<QueueName, Queue>): Promise<void> {
  for (const name of Object.values(QueueName)) {
    const queue = queues[name];
    const client = (await queue.client) as unknown as Redis;
    const active = await client.lrange(queue.toKey('active'), 0, -1);
    for (const jobId of active) await client.del(queue.toKey(`${jobId}:lock`));
    if (active.length > 0) await client.sadd(queue.toKey('stalled'), ...active);
    await client.del(queue.toKey('stalled-check'));
  }
}
