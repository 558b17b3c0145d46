import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { RetentionSchedule } from './retention-schedule';
import { RetentionSweep } from './retention-sweep.service';

@Module({
  imports: [ApplicationsModule],
  providers: [RetentionSweep, RetentionSchedule],
  exports: [RetentionSweep],
})
export class RetentionModule {}
