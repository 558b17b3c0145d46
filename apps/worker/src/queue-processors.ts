import { Processor } from '@nestjs/bullmq';

import { QueueName, RoutingProcessor } from '@onegate/jobs';

@Processor(QueueName.System)
export class SystemQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Intake)
export class IntakeQueueProcessor extends RoutingProcessor {}

@Processor(QueueName.Issuance)
export class IssuanceQueueProcessor extends RoutingProcessor {}

/** One processor per queue; adding a queue to the registry means adding its processor here. */
export const QUEUE_PROCESSORS = [SystemQueueProcessor, IntakeQueueProcessor, IssuanceQueueProcessor];
