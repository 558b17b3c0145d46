import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { DeadlineAlerts } from './deadline-alerts.service';
import { WeeklyDigest } from './weekly-digest.service';

@Module({
  imports: [ApplicationsModule],
  providers: [DeadlineAlerts, WeeklyDigest],
  exports: [DeadlineAlerts, WeeklyDigest],
})
export class DeadlinesModule {}
