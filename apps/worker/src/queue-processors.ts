import { Processor } from '@nestjs/bullmq';

import { QueueName, RoutingProcessor } from '@onegate/jobs';

@Processor(QueueName.System)
export class SystemQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Intake)
export class IntakeQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Issuance)
export class IssuanceQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Notifications)
export class NotificationsQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Deadlines)
export class DeadlinesQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Documents)
export class DocumentsQueueProcessor extends RoutingProcessor {}

/** One processor per queue; adding a queue to the registry means adding its processor here. */
export const QUEUE_PROCESSORS = [
  SystemQueueProcessor,
  IntakeQueueProcessor,
  IssuanceQueueProcessor,
  NotificationsQueueProcessor,
  DeadlinesQueueProcessor,
  DocumentsQueueProcessor,
];
