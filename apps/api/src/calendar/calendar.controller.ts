import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '@onegate/access';

import { CalendarListingDto, CalendarQuery } from './calendar.dto';
import { CalendarListingService } from './calendar-listing.service';

@ApiTags('calendar')
@Controller('api/calendar')
@Public()
export class CalendarController {
  public constructor(private readonly listing: CalendarListingService) {}

  @ApiOperation({ summary: 'List working and non-working days' })
  @ApiOkResponse({ type: CalendarListingDto })
  @Get()
  public list(@Query() query: CalendarQuery): Promise<CalendarListingDto> {
    return this.listing.list(query);
  }
}
