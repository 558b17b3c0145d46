import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { AdminCalendarController } from './admin-calendar.controller';
import { CalendarController } from './calendar.controller';
import { CalendarListingService } from './calendar-listing.service';
import { CalendarOverridesService } from './calendar-overrides.service';

/** The calendar listing and its overrides; the calendars themselves come from the applications module. */
@Module({
  imports: [ApplicationsModule],
  controllers: [CalendarController, AdminCalendarController],
  providers: [CalendarListingService, CalendarOverridesService],
})
export class CalendarModule {}
