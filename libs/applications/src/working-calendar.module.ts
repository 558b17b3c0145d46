import { Module } from '@nestjs/common';

import { WorkingCalendarService } from './working-calendar.service';

/**
 * The working calendars on their own, for what needs them without the lifecycle (the historical
 * import, the report rebuild): one service per process, so an override changed anywhere is seen
 * everywhere.
 */
@Module({
  providers: [WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class WorkingCalendarModule {}
