import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { CalendarOverrideDto, CreateOverrideRequest, OverrideQuery } from './calendar.dto';
import { CalendarOverridesService } from './calendar-overrides.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('admin')
@Controller('api/admin/calendar/overrides')
@Authenticated({ roles: ['admin'] })
export class AdminCalendarController {
  public constructor(private readonly overrides: CalendarOverridesService) {}

  @ApiOperation({ summary: 'List calendar overrides' })
  @ApiOkResponse({ type: [CalendarOverrideDto] })
  @Get()
  public list(@Query() query: OverrideQuery): Promise<CalendarOverrideDto[]> {
    return this.overrides.list(query);
  }

  @ApiOperation({ summary: 'Add a calendar override' })
  @ApiCreatedResponse({ type: CalendarOverrideDto })
  @ApiErrors(409)
  @Post()
  public create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: CreateOverrideRequest,
  ): Promise<CalendarOverrideDto> {
    return this.overrides.create(admin, body);
  }

  @ApiOperation({ summary: 'Remove a calendar override' })
  @ApiNoContentResponse({ description: 'Removed' })
  @Delete(':date')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.NO_CONTENT)
  public async remove(@Param('date') date: string): Promise<void> {
    await this.overrides.remove(date);
  }
}
