import { Module } from '@nestjs/common';

import { OutboxMetrics, QueueDepthMetrics } from '@onegate/jobs';

import { PingJobController } from './ping-job.controller';
import { PingJobService } from './ping-job.service';

@Module({
  controllers: [PingJobController],
  providers: [PingJobService, QueueDepthMetrics, OutboxMetrics],
})
export class SystemModule {}
