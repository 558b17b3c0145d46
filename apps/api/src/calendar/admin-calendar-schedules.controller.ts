import { Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { StreamedUploads } from '../uploads/streamed-uploads';
import { LoadedScheduleDto, OfficialScheduleDto, ScheduleYearParam } from './calendar.dto';
import { CalendarSchedulesService, MAX_SCHEDULE_FILE_BYTES } from './calendar-schedules.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('admin')
@Controller('api/admin/calendar/schedules')
@Authenticated({ roles: ['admin'] })
export class AdminCalendarSchedulesController {
  public constructor(private readonly schedules: CalendarSchedulesService) {}

  @ApiOperation({ summary: 'List the official schedules loaded' })
  @ApiOkResponse({ type: [OfficialScheduleDto] })
  @Get()
  public list(): Promise<OfficialScheduleDto[]> {
    return this.schedules.list();
  }

  /** The file format is in docs/working-time.md; the year's overrides are replaced by the file's days. */
  @ApiOperation({ summary: 'Load a year’s official schedule' })
  @ApiCreatedResponse({ type: LoadedScheduleDto })
  @ApiErrors(409, 413, 415)
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
