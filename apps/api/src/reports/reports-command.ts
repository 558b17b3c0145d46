import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';

import { rebuildReports, WorkingCalendarModule, WorkingCalendarService } from '@onegate/applications';
import type { AppConfig } from '@onegate/config';
import { AgencyRepository, openDatabase, PersistenceModule } from '@onegate/persistence';
import { ReportingModule, ReportRebuildService } from '@onegate/reporting';

@Module({})
class ReportsCommandModule {
  public static forDataSource(dataSource: DataSource) {
    return {
      module: ReportsCommandModule,
      imports: [PersistenceModule.forDataSource(dataSource), ReportingModule, WorkingCalendarModule],
    };
  }
}

/** `reports rebuild`: recomputes every report rollup from the events. */
export async function runReportsCommand(config: AppConfig, action: string | undefined): Promise<void> {
  if (action !== 'rebuild') throw new Error('usage: reports rebuild');
  const dataSource = await openDatabase(config, 'run');
  const app = await NestFactory.createApplicationContext(ReportsCommandModule.forDataSource(dataSource), {
    logger: false,
  });
  try {
    const started = Date.now();
    const { applications } = (await rebuildReports(
      app.get(ReportRebuildService),
      app.get(AgencyRepository),
      app.get(WorkingCalendarService),
    ))!;
    process.stdout.write(
      `report rollups rebuilt from ${applications} applications in ${Date.now() - started} ms\n`,
    );
  } finally {
    await app.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
