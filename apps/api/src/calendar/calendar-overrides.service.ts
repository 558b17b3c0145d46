import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { CalendarOverrideRepository, isUniqueViolation } from '@onegate/persistence';

import { CalendarOverrideDto, CreateOverrideRequest, OverrideQuery } from './calendar.dto';
import { WorkingCalendarService } from '@onegate/applications';

/** Administrators declare official days off and make-up working days. */
@Injectable()
export class CalendarOverridesService {
  public constructor(
    private readonly overrides: CalendarOverrideRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  public async list(query: OverrideQuery): Promise<CalendarOverrideDto[]> {
    const rows =
      query.year === undefined ? await this.overrides.listAll() : await this.overrides.listYear(query.year);
    return rows.map(CalendarOverrideDto.from);
  }

  public async create(
    admin: AuthenticatedUser,
    request: CreateOverrideRequest,
  ): Promise<CalendarOverrideDto> {
    if (await this.overrides.findByDate(request.date)) throw conflict(request.date);
    const override = {
      id: randomUUID(),
      date: request.date,
      kind: request.kind,
      reason: request.reason,
      createdAt: new Date(),
      createdBy: admin.id,
    };
    await this.overrides.insert(override).catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(request.date) : error;
    });
    this.calendars.forgetOverrides();
    return CalendarOverrideDto.from(override);
  }

  public async remove(date: string): Promise<void> {
    if (!(await this.overrides.deleteByDate(date))) {
      throw new NotFoundException(`No calendar override on ${date}`);
    }
    this.calendars.forgetOverrides();
  }
}

const conflict = (date: string) =>
  new ConflictException(`${date} already has an override; delete it first to change it`);
