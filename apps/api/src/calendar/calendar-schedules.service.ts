import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { BadRequestException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { WorkingCalendarService } from '@onegate/applications';
import { parseOfficialScheduleFile, ScheduleFileError } from '@onegate/domain';
import type { OfficialScheduleFile } from '@onegate/domain';
import { AuditEventRepository, CalendarOverrideRepository, TransactionRunner } from '@onegate/persistence';

import { CalendarOverrideDto, LoadedScheduleDto, OfficialScheduleDto } from './calendar.dto';

/** A schedule file is a few dozen short lines; this is far more than any year needs. */
export const MAX_SCHEDULE_FILE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The years whose official schedule of days off is loaded, and loading a year from the government's
 * notice written as a file (docs/working-time.md, "Loading a year's schedule from a file").
 */
@Injectable()
export class CalendarSchedulesService {
  public constructor(
    private readonly overrides: CalendarOverrideRepository,
    private readonly calendars: WorkingCalendarService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditEventRepository,
  ) {}

  public async list(): Promise<OfficialScheduleDto[]> {
    return (await this.overrides.listSchedules()).map(OfficialScheduleDto.from);
  }

  /**
   * Of `years` and of the years that have report figures (the years present in the data), those with
   * no official schedule loaded, in order.
   */
  public async yearsWithoutSchedule(years: readonly number[]): Promise<number[]> {
    const [loaded, reported] = await Promise.all([
      this.calendars.officialScheduleYears(),
      this.overrides.reportedYears(),
    ]);
    return [...new Set([...years, ...reported])].filter((year) => !loaded.has(year)).sort((a, b) => a - b);
  }

  /** Replaces every override of the year with the uploaded file's days and records the year's schedule. */
  public async load(
    admin: AuthenticatedUser,
    year: number,
    upload: { path: string } | undefined,
  ): Promise<LoadedScheduleDto> {
    const parsed = readScheduleFile(year, upload && (await readFile(upload.path)));
    const loadedAt = new Date();
    const schedule = { year, source: parsed.source, loadedAt, loadedBy: admin.id };
    const rows = parsed.overrides.map(({ date, kind, reason }) => ({
      id: randomUUID(),
      date,
      kind,
      reason,
      createdAt: loadedAt,
      createdBy: admin.id,
    }));
    await this.transactions.run((manager) => this.overrides.replaceYear(manager, schedule, rows));
    this.calendars.forgetOverrides();
    await this.audit.append({
      type: 'calendar_schedule_loaded',
      actorId: admin.id,
      details: { year, source: parsed.source, days: rows.length },
    });
    const byDate = rows.sort((a, b) => a.date.localeCompare(b.date));
    return { ...OfficialScheduleDto.from(schedule), overrides: byDate.map(CalendarOverrideDto.from) };
  }
}

function readScheduleFile(year: number, file: Buffer | undefined): OfficialScheduleFile {
  if (!file || file.length === 0) throw invalidFile('a schedule file is required in the "file" part');
  if (file.length > MAX_SCHEDULE_FILE_BYTES) {
    throw invalidFile(`the file is larger than ${MAX_SCHEDULE_FILE_BYTES / 1024} KiB`);
  }
  let text: string;
  try {
    text = utf8.decode(file);
  } catch {
    throw invalidFile('the file is not UTF-8 text');
  }
  try {
    return parseOfficialScheduleFile(text, year);
  } catch (error) {
    if (error instanceof ScheduleFileError) throw invalidFile(error.message);
    throw error;
  }
}

const invalidFile = (problem: string) =>
  new BadRequestException({
    message: 'Invalid schedule file',
    details: [{ field: 'file', problems: [problem] }],
  });
