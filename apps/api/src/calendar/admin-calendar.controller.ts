import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { CalendarOverrideDto, CreateOverrideRequest, OverrideQuery } from './calendar.dto';
import { CalendarOverridesService } from './calendar-overrides.service';

@ApiTags('admin')
@Controller('api/admin/calendar/overrides')
@Authenticated({ roles: ['admin'] })
export class AdminCalendarController {
  public constructor(private readonly overrides: CalendarOverridesService) {}

  @Get()
  public list(@Query() query: OverrideQuery): Promise<CalendarOverrideDto[]> {
    return this.overrides.list(query);
  }

  @Post()
  public create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: CreateOverrideRequest,
  ): Promise<CalendarOverrideDto> {
    return this.overrides.create(admin, body);
  }

  @Delete(':date')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.NO_CONTENT)
  public async remove(@Param('date') date: string): Promise<void> {
    await this.overrides.remove(date);
  }
}
