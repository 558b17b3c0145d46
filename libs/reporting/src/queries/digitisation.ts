import { Injectable } from '@nestjs/common';

import { addDays } from '@onegate/domain';

import { digitisationCountersOf } from '../figures/application-history';
import { LocalDays } from '../figures/local-days';
import { periodRanges } from '../figures/period-ranges';
import { ReportRollupRepository } from '../rollups/report-rollup.repository';
import { RollupLayoutRepository } from '../rollups/rollup-layout';
import { DigitisationSourceRepository } from '../sources/digitisation-source.repository';
import type { DigitisedFileFacts } from '../sources/digitisation-source.repository';
import type { ReportQuery } from './report-query.service';

/** The digitisation figures of Decision 766's criteria 4b and 4c (docs/metrics.md, "Digitisation"). */
export interface DigitisationFigures {
  /** Files received in the period: the denominator of both rates. */
  files: number;
  /** 4b's numerator: files whose documents were digitised and, once decided, with an electronic result. */
  digitised: number;
  /** 4c's numerator: files that reused a document from the citizen's store. */
  reused: number;
  digitisedRate: number | null;
  reuseRate: number | null;
}

/** The figures from the counts: rates `null` without files. */
export function digitisationRatesOf(counts: {
  files: number;
  digitised: number;
  reused: number;
}): DigitisationFigures {
  const rate = (count: number) => (counts.files === 0 ? null : count / counts.files);
  return { ...counts, digitisedRate: rate(counts.digitised), reuseRate: rate(counts.reused) };
}

/** Counts the files of the period (those already chosen by local reception date), one by one. */
export function digitisationOf(
  files: readonly Omit<DigitisedFileFacts, 'receivedAt' | 'timeZone' | 'agencyId'>[],
): DigitisationFigures {
  let digitised = 0;
  let reused = 0;
  for (const file of files) {
    const counts = digitisationCountersOf(file.documents, file.decided);
    digitised += counts.digitised;
    reused += counts.reused;
  }
  return digitisationRatesOf({ files: files.length, digitised, reused });
}

/**
 * The figures of an agency subtree (or everything) and a period of local dates: a file counts by the
 * local date, on its competent agency's clock, of its reception, as the `received` figure does. They
 * come from the rollups; while a rebuild after an upgrade has not filled them yet (docs/operations.md,
 * "Rollup layout"), from the files and their documents, read live.
 */
@Injectable()
export class DigitisationQuery {
  public constructor(
    private readonly source: DigitisationSourceRepository,
    private readonly rollups: ReportRollupRepository,
    private readonly layout: RollupLayoutRepository,
  ) {}

  public async figures(query: ReportQuery): Promise<DigitisationFigures> {
    if (!(await this.layout.isCurrent())) return digitisationOf(await this.filesOf(query));
    const sums = await this.rollups.sums(query, periodRanges(query.from, query.to), null);
    const counters = sums.get('all')?.counters;
    return digitisationRatesOf({
      files: counters?.received ?? 0,
      digitised: counters?.digitised ?? 0,
      reused: counters?.reused ?? 0,
    });
  }

  /** Whether the figures must be read live: the rollups do not hold them yet. */
  public async readsLive(): Promise<boolean> {
    return !(await this.layout.isCurrent());
  }

  /** The files received in the period, by the local date of their reception. */
  public async filesOf(query: ReportQuery): Promise<DigitisedFileFacts[]> {
    // A day's margin each side covers every time zone; the local date then decides.
    const from = new Date(`${addDays(query.from, -1)}T00:00:00Z`);
    const to = new Date(`${addDays(query.to, 2)}T00:00:00Z`);
    const candidates = await this.source.filesReceivedBetween(query, from, to);
    return candidates.filter((file) => {
      const date = LocalDays.of(file.timeZone).dateOf(file.receivedAt.getTime());
      return date >= query.from && date <= query.to;
    });
  }
}
