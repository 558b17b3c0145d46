import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { DeadlineAlerts } from './deadline-alerts.service';
import { DeadlineSchedules } from './deadline-schedules';
import { WeeklyDigest } from './weekly-digest.service';

@Module({
  imports: [ApplicationsModule],
  providers: [DeadlineAlerts, WeeklyDigest, DeadlineSchedules],
  exports: [DeadlineAlerts, WeeklyDigest],
})
export class DeadlinesModule {}
