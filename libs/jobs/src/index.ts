export { JobsModule } from './jobs.module';
export { OutboxModule } from './outbox.module';

// The jobs, their queues and their payloads
export {
  ALL_QUEUES,
  JobName,
  QueueName,
  type ApplicationPayload,
  type StepCheckPayload,
  type FeedbackCheckPayload,
  type FormPayload,
  type JobContext,
  type JobPayloads,
  type NationalSyncEventPayload,
  type NationalSyncFilePayload,
  type NotificationFacts,
  type NotificationPayload,
  type PingPayload,
  type WebhookDeliveryPayload,
  type WebhookEventPayload,
} from './job-registry';
export { notificationJobId } from './notification-job-id';
export { JOB_SCHEDULES, JobScheduleKeeper, type JobSchedule } from './job-schedules';

// Sending: the transactional outbox and the dispatcher behind it
export { Outbox, type OutboxJob } from './outbox';
export { OutboxRelay } from './outbox-relay';
export { OutboxReconciler } from './outbox-reconciler';
export { JobDispatcher } from './job-dispatcher';

// Handling: the job handlers and the workers that run them
export { OnJob } from './on-job.decorator';
export { JobHandlerRegistry, UnhandledJobsError } from './job-handler-registry';
export { QueueWorkers } from './queue-workers';

// Redis and metrics
export { redisOptions } from './redis-connection';
export { assertRedisReachable } from './assert-redis-reachable';
export { RedisReadiness } from './redis.readiness';
export { JobMetrics } from './job-metrics';
export { OutboxMetrics } from './outbox.metrics';
export { QueueDepthMetrics } from './queue-depth.metrics';
