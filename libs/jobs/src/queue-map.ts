import { getQueueToken } from '@nestjs/bullmq';
import type { FactoryProvider } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { ALL_QUEUES } from './job-registry';
import type { QueueName } from './job-registry';

/** Every queue of the registry by its name, injected as one map. */
export type QueueMap = ReadonlyMap<QueueName, Queue>;

export const QUEUE_MAP = Symbol('onegate:queue-map');

export const queueMapProvider: FactoryProvider<QueueMap> = {
  provide: QUEUE_MAP,
  inject: ALL_QUEUES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => new Map(ALL_QUEUES.map((name, index) => [name, queues[index]])),
};
