import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AuthModule } from '@onegate/auth';

import { AdminFeedbackDaysController } from './admin-feedback-days.controller';
import { FeedbackController } from './feedback.controller';
import { StaffFeedbackController } from './staff-feedback.controller';

@Module({
  imports: [ApplicationsModule, AuthModule],
  controllers: [FeedbackController, StaffFeedbackController, AdminFeedbackDaysController],
})
export class FeedbackHttpModule {}
