import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { LOCAL_DATE_YEARS } from '@onegate/domain';
import type { CalendarListing, DayOverrideKind, Weekday } from '@onegate/domain';
import type { CalendarOverride, CalendarSchedule } from '@onegate/persistence';
import { IntegerBetween, Trimmed } from '@onegate/platform';

import { IsLocalDate } from './calendar.validators';

const DAY_OVERRIDE_KINDS: readonly DayOverrideKind[] = ['day_off', 'working_day'];

export class CalendarQuery {
  @ApiProperty({ example: '2026-02-09', description: 'First local date, YYYY-MM-DD' })
  @IsLocalDate()
  public from!: string;

  @ApiProperty({ example: '2026-02-27', description: 'Last local date, YYYY-MM-DD; at most 366 days in all' })
  @IsLocalDate()
  public to!: string;

  @ApiPropertyOptional({ description: 'Agency code; the root agency (the province) by default' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public agency?: string;
}

export class OfficeIntervalDto {
  @ApiProperty({ example: '08:00' }) public start!: string;
  @ApiProperty({ example: '12:00' }) public end!: string;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-17' }) public date!: string;
  @ApiProperty({
    enum: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    example: 'Tuesday',
  })
  public weekday!: Weekday;
  @ApiProperty() public working!: boolean;
  @ApiProperty({
    example: 'public_holiday: Tết Nguyên Đán',
    description:
      'working_day, weekend, or public_holiday / official_day_off / make_up_working_day followed by the detail',
  })
  public reason!: string;
}

export class OfficialScheduleFlagDto {
  @ApiProperty({ example: 2026 }) public year!: number;
  @ApiProperty({
    description:
      'Whether the official schedule of days off of that year is loaded; when not, only the statutory holidays count',
  })
  public loaded!: boolean;
}

export class CalendarListingDto {
  @ApiProperty({ description: 'Code of the agency whose calendar this is' }) public agency!: string;
  @ApiProperty() public from!: string;
  @ApiProperty() public to!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) public timeZone!: string;
  @ApiProperty({ type: [OfficeIntervalDto] }) public officeHours!: OfficeIntervalDto[];
  @ApiProperty({ example: 8 }) public workingHoursPerDay!: number;
  @ApiProperty({ type: [CalendarDayDto] }) public days!: CalendarDayDto[];
  @ApiProperty({ type: [OfficialScheduleFlagDto], description: 'Each year of the range' })
  public officialSchedules!: OfficialScheduleFlagDto[];

  public static from(
    agencyCode: string,
    listing: CalendarListing,
    scheduleYears: ReadonlySet<number>,
  ): CalendarListingDto {
    const years: OfficialScheduleFlagDto[] = [];
    for (let year = Number(listing.from.slice(0, 4)); year <= Number(listing.to.slice(0, 4)); year += 1) {
      years.push({ year, loaded: scheduleYears.has(year) });
    }
    return {
      agency: agencyCode,
      from: listing.from,
      to: listing.to,
      timeZone: listing.timeZone,
      officeHours: listing.officeHours.map(({ start, end }) => ({ start, end })),
      workingHoursPerDay: listing.workingHoursPerDay,
      days: listing.days.map(({ date, weekday, working, reason }) => ({ date, weekday, working, reason })),
      officialSchedules: years,
    };
  }
}

export class OverrideQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Only the overrides of this year; all when omitted' })
  @IsOptional()
  @IntegerBetween(LOCAL_DATE_YEARS.min, LOCAL_DATE_YEARS.max)
  public year?: number;
}

export class CreateOverrideRequest {
  @ApiProperty({ example: '2026-11-24' })
  @IsLocalDate()
  public date!: string;

  @ApiProperty({ enum: DAY_OVERRIDE_KINDS, description: 'day_off, or working_day for a make-up working day' })
  @IsIn(DAY_OVERRIDE_KINDS)
  public kind!: DayOverrideKind;

  @ApiProperty({ example: 'Ngày Văn hóa Việt Nam' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public reason!: string;
}

export class CalendarOverrideDto {
  @ApiProperty() public date!: string;
  @ApiProperty({ enum: DAY_OVERRIDE_KINDS }) public kind!: DayOverrideKind;
  @ApiProperty() public reason!: string;
  @ApiProperty() public createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Administrator; null for shipped schedules' })
  public createdBy!: string | null;

  public static from(override: CalendarOverride): CalendarOverrideDto {
    return {
      date: override.date,
      kind: override.kind,
      reason: override.reason,
      createdAt: override.createdAt.toISOString(),
      createdBy: override.createdBy,
    };
  }
}

export class ScheduleYearParam {
  @ApiProperty({ example: 2027, description: 'The year the file is the official schedule of' })
  @IntegerBetween(1900, 2100)
  public year!: number;
}

export class OfficialScheduleDto {
  @ApiProperty({ example: 2027 }) public year!: number;
  @ApiProperty({ description: 'The notices the schedule comes from' }) public source!: string;
  @ApiProperty() public loadedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Administrator; null for shipped schedules' })
  public loadedBy!: string | null;

  public static from(schedule: CalendarSchedule): OfficialScheduleDto {
    return {
      year: schedule.year,
      source: schedule.source,
      loadedAt: schedule.loadedAt.toISOString(),
      loadedBy: schedule.loadedBy,
    };
  }
}

export class LoadedScheduleDto extends OfficialScheduleDto {
  @ApiProperty({ type: [CalendarOverrideDto], description: 'The year’s overrides, as now stored' })
  public overrides!: CalendarOverrideDto[];
}
