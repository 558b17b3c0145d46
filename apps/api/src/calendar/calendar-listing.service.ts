import { BadRequestException, Injectable } from '@nestjs/common';

import { CalendarRangeError, listCalendar } from '@onegate/domain';
import { AgencyRepository } from '@onegate/persistence';
import type { Agency } from '@onegate/persistence';

import { CalendarListingDto, CalendarQuery } from './calendar.dto';
import { WorkingCalendarService } from '@onegate/applications';

const AGENCY_PAGE_SIZE = 100;

/** The public calendar listing, so anyone can check the due-time arithmetic. */
@Injectable()
export class CalendarListingService {
  public constructor(
    private readonly agencies: AgencyRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  public async list(query: CalendarQuery): Promise<CalendarListingDto> {
    const agency = query.agency ? await this.agencies.findByCode(query.agency) : await this.rootAgency();
    if (!agency) throw invalid('agency', query.agency ? `no agency ${query.agency}` : 'no root agency');
    const calendar = await this.calendars.calendarFor(agency);
    const scheduleYears = await this.calendars.officialScheduleYears();
    try {
      return CalendarListingDto.from(agency.code, listCalendar(calendar, query), scheduleYears);
    } catch (error) {
      if (error instanceof CalendarRangeError) throw invalid(error.parameter, error.message);
      throw error;
    }
  }

  /** The agency with no parent (the province); with several, the first by code. */
  private async rootAgency(): Promise<Agency | null> {
    for (let page = 1; ; page += 1) {
      const { items, total } = await this.agencies.list({ page, pageSize: AGENCY_PAGE_SIZE });
      const root = items.find((agency) => agency.parentId === null);
      if (root) return root;
      if (page * AGENCY_PAGE_SIZE >= total) return null;
    }
  }
}

const invalid = (field: string, problem: string) =>
  new BadRequestException({ message: `Invalid ${field}`, details: [{ field, problems: [problem] }] });
