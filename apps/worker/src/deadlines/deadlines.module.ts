import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { ConsultationAlerts } from './consultation-alerts.service';
import { DeadlineAlerts } from './deadline-alerts.service';
import { FeedbackAlerts } from './feedback-alerts.service';
import { WeeklyDigest } from './weekly-digest.service';

@Module({
  imports: [ApplicationsModule],
  providers: [DeadlineAlerts, WeeklyDigest, ConsultationAlerts, FeedbackAlerts],
  exports: [DeadlineAlerts, WeeklyDigest, ConsultationAlerts, FeedbackAlerts],
})
export class DeadlinesModule {}
