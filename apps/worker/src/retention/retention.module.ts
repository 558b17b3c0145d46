import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { RetentionSweep } from './retention-sweep.service';

@Module({
  imports: [ApplicationsModule],
  providers: [RetentionSweep],
  exports: [RetentionSweep],
})
export class RetentionModule {}
