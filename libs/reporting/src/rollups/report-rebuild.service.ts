import { Injectable } from '@nestjs/common';

import type { WorkingCalendar } from '@onegate/domain';
import { TransactionRunner } from '@onegate/persistence';

import { contributionOf } from '../figures/contribution';
import { stepAgenciesOf } from '../figures/step-contribution';
import { ReportSourceRepository } from '../sources/report-source.repository';
import { ReportRollupRepository } from './report-rollup.repository';
import { RollupChanges } from './rollup-changes';
import { ROLLUP_LAYOUT_VERSION, RollupLayoutRepository } from './rollup-layout';

const PAGE_SIZE = 2_000;

/** The calendar of an agency (competent, or holding a step), by its id. */
export type CalendarOfAgency = (agencyId: string) => Promise<WorkingCalendar>;

/**
 * Recomputes every rollup from the events, in one transaction (`npm run reports:rebuild`): after a
 * change of the days off, or to prove the rollups right; and once after an upgrade that changed their
 * layout (docs/operations.md, "Rollup layout"). Until it commits, readers see the rollups as they were.
 */
@Injectable()
export class ReportRebuildService {
  public constructor(
    private readonly rollups: ReportRollupRepository,
    private readonly sources: ReportSourceRepository,
    private readonly transactions: TransactionRunner,
    private readonly layout: RollupLayoutRepository,
  ) {}

  /**
   * Rebuilds, and records the rollups as in this code's layout; `onlyIfStale`: only when the recorded
   * layout is older (a worker's start), answering null when it is not. Two at once take turns: the
   * second finds the layout current.
   */
  public rebuild(
    calendarOf: CalendarOfAgency,
    { onlyIfStale = false } = {},
  ): Promise<{ applications: number } | null> {
    return this.transactions.run(async (manager) => {
      const recorded = await this.layout.hold(manager);
      if (onlyIfStale && recorded >= ROLLUP_LAYOUT_VERSION) return null;
      await this.rollups.clearForRebuild(manager);
      const changes = new RollupChanges();
      let applications = 0;
      for (let after = ''; ;) {
        const page = await this.sources.historiesAfter(manager, after, PAGE_SIZE);
        if (page.length === 0) break;
        for (const { history } of page) {
          const calendar = await calendarOf(history.agencyId);
          // Each step counts on the calendar of the agency holding it (docs/metrics.md, "Processing steps").
          const stepCalendars = new Map<string, WorkingCalendar>();
          for (const id of stepAgenciesOf(history)) stepCalendars.set(id, await calendarOf(id));
          changes.add(
            history,
            contributionOf(history, calendar, (id) => stepCalendars.get(id) ?? calendar),
          );
        }
        applications += page.length;
        after = page[page.length - 1]!.id;
      }
      await this.rollups.apply(manager, changes);
      await this.layout.recordRebuilt(manager, new Date());
      return { applications };
    });
  }
}
