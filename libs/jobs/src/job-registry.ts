import type { DefaultJobOptions } from 'bullmq';

import type { FormKind, Language, NotificationKind } from '@onegate/domain';

/** Every queue OneGate uses. */
export enum QueueName {
  System = 'system',
  Intake = 'intake',
  Issuance = 'issuance',
  Notifications = 'notifications',
  Deadlines = 'deadlines',
  Documents = 'documents',
  Payments = 'payments',
  Webhooks = 'webhooks',
  NationalSync = 'national-sync',
  TextMessages = 'text-messages',
}

/** Every job name, prefixed by its queue. */
export enum JobName {
  Ping = 'system.ping',
  ApplyRetention = 'system.apply-retention',
  Intake = 'intake.route',
  IssueResult = 'issuance.issue-result',
  SendNotification = 'notifications.send',
  ScanDeadlines = 'deadlines.scan',
  CheckDeadline = 'deadlines.check',
  CheckStepDeadline = 'deadlines.check-step',
  CheckConsultations = 'deadlines.check-consultations',
  CheckFeedback = 'deadlines.check-feedback',
  WeeklyDigest = 'deadlines.weekly-digest',
  RenderForm = 'documents.render-form',
  ReconcilePayments = 'payments.reconcile',
  WebhookEvent = 'webhooks.fan-out',
  DeliverWebhook = 'webhooks.deliver',
  NationalSyncEvent = 'national-sync.record',
  NationalSyncFile = 'national-sync.send',
  ReconcileNationalSync = 'national-sync.reconcile',
  SendDueTexts = 'text-messages.send-due',
}

export interface PingPayload {
  requestedAt: string;
  note: string | null;
}

export interface ApplicationPayload {
  applicationId: string;
}

/** An account (in-app and e-mail), or an applicant known only by an e-mail address (a counter file). */
export type NotificationRecipient = { userId: string } | { email: string; language: Language };

/** What the notification says that the database may no longer say when it is built. */
export type NotificationFacts = { [fact: string]: string | number | boolean | null | string[] };

export interface NotificationPayload {
  /** Unique per notification (e.g. `<applicationId>:<kind>:v<version>`): stored and e-mailed once. */
  key: string;
  kind: NotificationKind;
  applicationId: string | null;
  recipient: NotificationRecipient;
  facts: NotificationFacts;
  /** The one-stop-shop form of the action's event (see FormPayload) that the e-mail carries as a PDF. */
  form?: { kind: FormKind; eventId: string };
}

/** A file's processing step as it was entered: a check finding the file elsewhere since does nothing. */
export interface StepCheckPayload {
  applicationId: string;
  step: number;
  stepDueAt: string;
}

/** Feedback as it was filed: a check finding it answered, or due at another time, does nothing. */
export interface FeedbackCheckPayload {
  feedbackId: string;
  dueAt: string;
}

/** A file's event, told to the webhook subscriptions that asked for it (docs/webhooks.md). */
/** A file's event (`eventId`) or an answered feedback item (`feedbackId`) to fan out. */
export type WebhookEventPayload = { eventId: string } | { feedbackId: string };

/** One delivery of one event to one subscription. */
export interface WebhookDeliveryPayload {
  deliveryId: string;
}

/** A file's event that changed its status, to be synchronised to the national portal (docs/integrations.md). */
export interface NationalSyncEventPayload {
  eventId: string;
}

/** A file whose next synchronisation entry is to be sent. */
export interface NationalSyncFilePayload {
  applicationId: string;
}

export type NoPayload = Record<string, never>;

export interface FormPayload {
  applicationId: string;
  form: FormKind;
}

/** The payload type of each job: dispatching and handling are both checked against it. */
export interface JobPayloads {
  [JobName.Ping]: PingPayload;
  [JobName.ApplyRetention]: NoPayload;
  [JobName.Intake]: ApplicationPayload;
  [JobName.IssueResult]: ApplicationPayload;
  [JobName.SendNotification]: NotificationPayload;
  [JobName.SendDueTexts]: NoPayload;
  [JobName.ScanDeadlines]: NoPayload;
  [JobName.CheckDeadline]: ApplicationPayload;
  [JobName.CheckStepDeadline]: StepCheckPayload;
  [JobName.CheckConsultations]: ApplicationPayload;
  [JobName.CheckFeedback]: FeedbackCheckPayload;
  [JobName.WeeklyDigest]: NoPayload;
  [JobName.RenderForm]: FormPayload;
  [JobName.ReconcilePayments]: NoPayload;
  [JobName.WebhookEvent]: WebhookEventPayload;
  [JobName.DeliverWebhook]: WebhookDeliveryPayload;
  [JobName.NationalSyncEvent]: NationalSyncEventPayload;
  [JobName.NationalSyncFile]: NationalSyncFilePayload;
  [JobName.ReconcileNationalSync]: NoPayload;
}

/** The payload of one job, e.g. `JobPayload<JobName.Intake>`. */
export type JobPayload<Name extends JobName> = JobPayloads[Name];

/** What a handler learns of the job besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
}

export const JOB_QUEUE: { readonly [Name in JobName]: QueueName } = {
  [JobName.Ping]: QueueName.System,
  [JobName.ApplyRetention]: QueueName.System,
  [JobName.Intake]: QueueName.Intake,
  [JobName.IssueResult]: QueueName.Issuance,
  [JobName.SendNotification]: QueueName.Notifications,
  [JobName.ScanDeadlines]: QueueName.Deadlines,
  [JobName.CheckDeadline]: QueueName.Deadlines,
  [JobName.CheckStepDeadline]: QueueName.Deadlines,
  [JobName.CheckConsultations]: QueueName.Deadlines,
  [JobName.CheckFeedback]: QueueName.Deadlines,
  [JobName.WeeklyDigest]: QueueName.Deadlines,
  [JobName.RenderForm]: QueueName.Documents,
  [JobName.ReconcilePayments]: QueueName.Payments,
  [JobName.WebhookEvent]: QueueName.Webhooks,
  [JobName.DeliverWebhook]: QueueName.Webhooks,
  [JobName.NationalSyncEvent]: QueueName.NationalSync,
  [JobName.NationalSyncFile]: QueueName.NationalSync,
  [JobName.ReconcileNationalSync]: QueueName.NationalSync,
  [JobName.SendDueTexts]: QueueName.TextMessages,
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
  // Rides out a mail server away for about ten minutes before giving up.
  [QueueName.Notifications]: {
    ...STANDARD_OPTIONS,
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
  },
  [QueueName.Deadlines]: STANDARD_OPTIONS,
  [QueueName.Documents]: STANDARD_OPTIONS,
  [QueueName.Payments]: STANDARD_OPTIONS,
  // A receiver's failures are retried by the delivery itself, on its own schedule (docs/webhooks.md);
  // these attempts only cover the worker's own errors (the database away).
  [QueueName.Webhooks]: STANDARD_OPTIONS,
  // Likewise the portal's failures are retried by the synchronisation entry itself (docs/integrations.md).
  [QueueName.NationalSync]: STANDARD_OPTIONS,
  // A provider's failures are retried by the text message itself (docs/text-messages.md).
  [QueueName.TextMessages]: STANDARD_OPTIONS,
};

export const ALL_QUEUES = Object.values(QueueName);
export const ALL_JOBS = Object.values(JobName);
