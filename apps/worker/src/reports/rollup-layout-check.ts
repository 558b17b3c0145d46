import { Injectable, Logger, Module } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';

import { rebuildReports, WorkingCalendarModule, WorkingCalendarService } from '@onegate/applications';
import { AgencyRepository } from '@onegate/persistence';
import { ReportingModule, ReportRebuildService } from '@onegate/reporting';

/**
 * At the worker's start, rebuilds the report rollups once when the database records an older layout
 * than this release's (docs/operations.md, "Rollup layout"). It runs beside the jobs; a second worker
 * waits for the first's rebuild and then finds nothing to do.
 */
@Injectable()
export class RollupLayoutCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RollupLayoutCheck.name);
  /** The check of this start: what it rebuilt, or null when the layout was current (or it failed). */
  public checked: Promise<{ applications: number } | null> = Promise.resolve(null);

  public constructor(
    private readonly rebuild: ReportRebuildService,
    private readonly agencies: AgencyRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  public onApplicationBootstrap(): void {
    this.checked = this.check();
  }

  private async check(): Promise<{ applications: number } | null> {
    const started = Date.now();
    try {
      const rebuilt = await rebuildReports(this.rebuild, this.agencies, this.calendars, {
        onlyIfStale: true,
      });
      if (rebuilt) {
        this.logger.log(
          { applications: rebuilt.applications, ms: Date.now() - started },
          'report rollups rebuilt into the new layout',
        );
      }
      return rebuilt;
    } catch (error) {
      // The next start tries again; meanwhile the figures new in the layout are read live.
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'report rollups not rebuilt',
      );
      return null;
    }
  }
}

@Module({
  imports: [ReportingModule, WorkingCalendarModule],
  providers: [RollupLayoutCheck],
})
export class RollupLayoutModule {}
