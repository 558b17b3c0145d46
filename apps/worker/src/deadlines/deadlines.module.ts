import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { ConsultationAlerts } from './consultation-alerts.service';
import { DeadlineAlerts } from './deadline-alerts.service';
import { WeeklyDigest } from './weekly-digest.service';

@Module({
  imports: [ApplicationsModule],
  providers: [DeadlineAlerts, WeeklyDigest, ConsultationAlerts],
  exports: [DeadlineAlerts, WeeklyDigest, ConsultationAlerts],
})
export class DeadlinesModule {}
