import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { AdminCalendarController } from './admin-calendar.controller';
import { AdminCalendarSchedulesController } from './admin-calendar-schedules.controller';
import { CalendarController } from './calendar.controller';
import { CalendarListingService } from './calendar-listing.service';
import { CalendarOverridesService } from './calendar-overrides.service';
import { CalendarSchedulesService } from './calendar-schedules.service';

/** The calendar listing and its overrides; the calendars themselves come from the applications module. */
@Module({
  imports: [ApplicationsModule],
  controllers: [CalendarController, AdminCalendarController, AdminCalendarSchedulesController],
  providers: [CalendarListingService, CalendarOverridesService, CalendarSchedulesService],
  exports: [CalendarOverridesService, CalendarSchedulesService],
})
export class CalendarModule {}
