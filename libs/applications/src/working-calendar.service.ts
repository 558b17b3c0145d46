import { Injectable } from '@nestjs/common';

import { createVietnamWorkingCalendar } from '@onegate/domain';
import type { DayOverride, WorkingCalendar } from '@onegate/domain';
import { CalendarOverrideRepository } from '@onegate/persistence';
import type { Agency } from '@onegate/persistence';

/** How stale another API process's override change may look here (plus one reload). */
const OVERRIDES_TTL_MS = 5_000;

interface Snapshot {
  readonly overrides: readonly DayOverride[];
  /** The years whose official schedule is loaded (docs/working-time.md). */
  readonly scheduleYears: ReadonlySet<number>;
  /** Calendars built on these overrides, by time zone and office hours. */
  readonly calendars: Map<string, WorkingCalendar>;
}

/** Each agency's working calendar: its time zone and office hours, the public holidays and the overrides. */
@Injectable()
export class WorkingCalendarService {
  private snapshot: Promise<Snapshot> | null = null;
  private loadedAt = 0;
  private reloading = false;

  public constructor(private readonly overrides: CalendarOverrideRepository) {}

  public async calendarFor(agency: Pick<Agency, 'timeZone' | 'officeHours'>): Promise<WorkingCalendar> {
    const { overrides, calendars } = await this.currentSnapshot();
    const key = `${agency.timeZone}|${JSON.stringify(agency.officeHours)}`;
    let calendar = calendars.get(key);
    if (!calendar) {
      calendar = createVietnamWorkingCalendar({
        timeZone: agency.timeZone,
        officeHours: agency.officeHours,
        overrides,
      });
      calendars.set(key, calendar);
    }
    return calendar;
  }

  /** The years whose official schedule of days off is loaded, shipped or loaded by an administrator. */
  public async officialScheduleYears(): Promise<ReadonlySet<number>> {
    return (await this.currentSnapshot()).scheduleYears;
  }

  /** Called after this process changes an override, so the next calendar sees the change at once. */
  public forgetOverrides(): void {
    this.snapshot = null;
  }

  /**
   * A stale snapshot is still answered at once while a new one loads behind it: calendars are asked
   * for inside transactions (receipt codes, deadline checks), and waiting there for a second database
   * connection while holding locks can starve the pool until every request stands still.
   */
  private currentSnapshot(): Promise<Snapshot> {
    if (!this.snapshot) {
      const loading = this.load();
      this.snapshot = loading;
      this.loadedAt = Date.now();
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = null;
      });
    } else if (Date.now() - this.loadedAt > OVERRIDES_TTL_MS && !this.reloading) {
      this.reloading = true;
      const current = this.snapshot;
      this.load()
        .then(
          (fresh) => {
            if (this.snapshot !== current) return; // forgotten meanwhile: the next call loads afresh
            this.snapshot = Promise.resolve(fresh);
            this.loadedAt = Date.now();
          },
          () => undefined, // kept the known overrides; tried again on a later call
        )
        .finally(() => (this.reloading = false));
    }
    return this.snapshot;
  }

  private async load(): Promise<Snapshot> {
    const [rows, schedules] = await Promise.all([this.overrides.listAll(), this.overrides.listSchedules()]);
    const overrides = rows.map(({ date, kind, reason }) => ({ date, kind, reason }));
    return { overrides, scheduleYears: new Set(schedules.map(({ year }) => year)), calendars: new Map() };
  }
}
