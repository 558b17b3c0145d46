import { Injectable } from '@nestjs/common';

import type { WorkingCalendar } from '@onegate/domain';
import { TransactionRunner } from '@onegate/persistence';

import { contributionOf } from '../figures/contribution';
import { ReportSourceRepository } from '../sources/report-source.repository';
import { ReportRollupRepository } from './report-rollup.repository';
import { RollupChanges } from './rollup-changes';

const PAGE_SIZE = 2_000;

/** The calendar of a competent agency, by its id. */
export type CalendarOfAgency = (agencyId: string) => Promise<WorkingCalendar>;

/**
 * Recomputes every rollup from the events, in one transaction (`npm run reports:rebuild`): after a
 * change of the days off, or to prove the rollups right.
 */
@Injectable()
export class ReportRebuildService {
  public constructor(
    private readonly rollups: ReportRollupRepository,
    private readonly sources: ReportSourceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  public rebuild(calendarOf: CalendarOfAgency): Promise<{ applications: number }> {
    return this.transactions.run(async (manager) => {
      await this.rollups.clearForRebuild(manager);
      const changes = new RollupChanges();
      let applications = 0;
      for (let after = ''; ;) {
        const page = await this.sources.historiesAfter(manager, after, PAGE_SIZE);
        if (page.length === 0) break;
        for (const { history } of page) {
          changes.add(history, contributionOf(history, await calendarOf(history.agencyId)));
        }
        applications += page.length;
        after = page[page.length - 1]!.id;
      }
      await this.rollups.apply(manager, changes);
      return { applications };
    });
  }
}
