import type { DefaultJobOptions } from 'bullmq';

/** Every queue OneGate uses. */
export enum QueueName {
  System = 'system',
  Intake = 'intake',
  Issuance = 'issuance',
}

/** Every job name, prefixed by its queue. */
export enum JobName {
  Ping = 'system.ping',
  Intake = 'intake.route',
  IssueResult = 'issuance.issue-result',
}

export interface PingPayload {
  requestedAt: string;
  note: string | null;
}

export interface ApplicationPayload {
  applicationId: string;
}

/** The payload type of each job: dispatching and handling are both checked against it. */
export interface JobPayloads {
  [JobName.Ping]: PingPayload;
  [JobName.Intake]: ApplicationPayload;
  [JobName.IssueResult]: ApplicationPayload;
}

export const JOB_QUEUE: { readonly [Name in JobName]: QueueName } = {
  [JobName.Ping]: QueueName.System,
  [JobName.Intake]: QueueName.Intake,
  [JobName.IssueResult]: QueueName.Issuance,
};

const DAY_SECONDS = 24 * 60 * 60;

const STANDARD_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000, age: DAY_SECONDS },
  removeOnFail: { count: 5_000, age: 7 * DAY_SECONDS },
};

/** Default options per queue: retries with exponential backoff and bounded retention. */
export const QUEUE_JOB_OPTIONS: { readonly [Queue in QueueName]: DefaultJobOptions } = {
  [QueueName.System]: STANDARD_OPTIONS,
  [QueueName.Intake]: STANDARD_OPTIONS,
  // A result must not be lost: retry for longer.
  [QueueName.Issuance]: { ...STANDARD_OPTIONS, attempts: 10 },
};

export const ALL_QUEUES = Object.values(QueueName);
export const ALL_JOBS = Object.values(JobName);
