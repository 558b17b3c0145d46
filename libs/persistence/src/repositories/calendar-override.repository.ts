import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, Repository } from 'typeorm';

import { CalendarOverride } from '../entities';

@Injectable()
export class CalendarOverrideRepository {
  private readonly overrides: Repository<CalendarOverride>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.overrides = dataSource.getRepository(CalendarOverride);
  }

  /** Every override; a few dozen rows per year, read whole to build calendars. */
  public listAll(): Promise<CalendarOverride[]> {
    return this.overrides.find({ order: { date: 'ASC' } });
  }

  /** `YYYY-MM-DD` dates compare as text, so a year is a plain range. */
  public listYear(year: number): Promise<CalendarOverride[]> {
    const prefix = String(year).padStart(4, '0');
    return this.overrides.find({
      where: { date: Between(`${prefix}-01-01`, `${prefix}-12-31`) },
      order: { date: 'ASC' },
    });
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
