import { DefaultJobOptions } from 'bullmq';

/** Every queue OneGate uses. */
export enum QueueName {
  System = 'system',
}

/** Every job name, prefixed by its queue. */
export enum JobName {
  Ping = 'system.ping',
}

export interface PingPayload {
  requestedAt: string;
  note: string | null;
}

/** The payload type of each job: dispatching and handling are both checked against it. */
export interface JobPayloads {
  [JobName.Ping]: PingPayload;
}

export const JOB_QUEUE: { readonly [Name in JobName]: QueueName } = {
  [JobName.Ping]: QueueName.System,
};

const DAY_SECONDS = 24 * 60 * 60;

/** Default options per queue: retries with exponential backoff and bounded retention. */
export const QUEUE_JOB_OPTIONS: { readonly [Queue in QueueName]: DefaultJobOptions } = {
  [QueueName.System]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { count: 1_000, age: DAY_SECONDS },
    removeOnFail: { count: 5_000, age: 7 * DAY_SECONDS },
  },
};

export const ALL_QUEUES = Object.values(QueueName);
export const ALL_JOBS = Object.values(JobName);
