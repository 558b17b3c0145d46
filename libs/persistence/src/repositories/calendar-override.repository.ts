import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, Repository } from 'typeorm';

import { CalendarOverride, CalendarSchedule, ReportRollup } from '../entities';

/** `YYYY-MM-DD` dates compare as text, so a year is a plain range. */
const yearRange = (year: number) => {
  const prefix = String(year).padStart(4, '0');
  return Between(`${prefix}-01-01`, `${prefix}-12-31`);
};

@Injectable()
export class CalendarOverrideRepository {
  private readonly overrides: Repository<CalendarOverride>;
  private readonly schedules: Repository<CalendarSchedule>;
  private readonly rollups: Repository<ReportRollup>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.overrides = dataSource.getRepository(CalendarOverride);
    this.schedules = dataSource.getRepository(CalendarSchedule);
    this.rollups = dataSource.getRepository(ReportRollup);
  }

  /** Every override; a few dozen rows per year, read whole to build calendars. */
  public listAll(): Promise<CalendarOverride[]> {
    return this.overrides.find({ order: { date: 'ASC' } });
  }

  public listYear(year: number): Promise<CalendarOverride[]> {
    return this.overrides.find({ where: { date: yearRange(year) }, order: { date: 'ASC' } });
  }

  /** The years whose official schedule is loaded; one row a year. */
  public listSchedules(): Promise<CalendarSchedule[]> {
    return this.schedules.find({ order: { year: 'ASC' } });
  }

  /** Makes `overrides` the whole list of the schedule's year and records the schedule, in `manager`'s transaction. */
  public async replaceYear(
    manager: EntityManager,
    schedule: CalendarSchedule,
    overrides: readonly CalendarOverride[],
  ): Promise<void> {
    await manager.delete(CalendarOverride, { date: yearRange(schedule.year) });
    if (overrides.length > 0) await manager.insert(CalendarOverride, [...overrides]);
    await manager.delete(CalendarSchedule, { year: schedule.year });
    await manager.insert(CalendarSchedule, schedule);
  }

  /** The years with report figures, read from the yearly rollup rows (the first columns of their key). */
  public async reportedYears(): Promise<number[]> {
    const rows = await this.rollups
      .createQueryBuilder('rollup')
      .select('DISTINCT rollup.period', 'period')
      .where('rollup.grain = :grain', { grain: 'year' })
      .getRawMany<{ period: string }>();
    return rows.map(({ period }) => Number(period)).filter(Number.isInteger);
  }

  public findByDate(date: string): Promise<CalendarOverride | null> {
    return this.overrides.findOneBy({ date });
  }

  public async insert(override: CalendarOverride): Promise<void> {
    await this.overrides.insert(override);
  }

  /** True when there was an override on that date. */
  public async deleteByDate(date: string): Promise<boolean> {
    const result = await this.overrides.delete({ date });
    return (result.affected ?? 0) > 0;
  }
}
