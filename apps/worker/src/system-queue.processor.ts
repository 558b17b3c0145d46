import { Processor } from '@nestjs/bullmq';

import { QueueName, RoutingProcessor } from '@onegate/jobs';

@Processor(QueueName.System)
export class SystemQueueProcessor extends RoutingProcessor {}
