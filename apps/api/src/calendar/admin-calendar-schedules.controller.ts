import { Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { StreamedUploads } from '../uploads/streamed-uploads';
import { LoadedScheduleDto, OfficialScheduleDto, ScheduleYearParam } from './calendar.dto';
import { CalendarSchedulesService, MAX_SCHEDULE_FILE_BYTES } from './calendar-schedules.service';

@ApiTags('admin')
@Controller('api/admin/calendar/schedules')
@Authenticated({ roles: ['admin'] })
export class AdminCalendarSchedulesController {
  public constructor(private readonly schedules: CalendarSchedulesService) {}

  @Get()
  public list(): Promise<OfficialScheduleDto[]> {
    return this.schedules.list();
  }

  /** The file format is in docs/working-time.md; the year's overrides are replaced by the file's days. */
  @Post(':year')
  @BodyAfter(ROLE_IS_ENOUGH)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    StreamedUploads({
      field: 'file',
      files: 1,
      fileBytes: MAX_SCHEDULE_FILE_BYTES,
      fields: 0,
      fieldBytes: 0,
    }),
  )
  public load(
    @CurrentUser() admin: AuthenticatedUser,
    @Param() { year }: ScheduleYearParam,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<LoadedScheduleDto> {
    return this.schedules.load(admin, year, file);
  }
}
