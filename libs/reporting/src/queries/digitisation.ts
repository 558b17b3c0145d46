import { Injectable } from '@nestjs/common';

import { addDays } from '@onegate/domain';

import { LocalDays } from '../figures/local-days';
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

/** The origins that mean a document reached the file in digital form, by any channel. */
const DIGITISED = new Set(['uploaded', 'scanned', 'reused']);

/** Counts the files of the period (those already chosen by local reception date). */
export function digitisationOf(
  files: readonly Omit<DigitisedFileFacts, 'receivedAt' | 'timeZone' | 'agencyId'>[],
) {
  const digitised = files.filter(
    (file) =>
      file.origins.some((origin) => DIGITISED.has(origin)) && (!file.decided || file.electronicResult),
  ).length;
  const reused = files.filter((file) => file.origins.includes('reused')).length;
  const rate = (count: number) => (files.length === 0 ? null : count / files.length);
  return {
    files: files.length,
    digitised,
    reused,
    digitisedRate: rate(digitised),
    reuseRate: rate(reused),
  } satisfies DigitisationFigures;
}

/**
 * Reads the figures live from the files and their documents for an agency subtree (or everything) and a
 * period of local dates: a file counts by the local date, on its competent agency's clock, of its
 * reception, as the `received` figure does.
 */
@Injectable()
export class DigitisationQuery {
  public constructor(private readonly source: DigitisationSourceRepository) {}

  public async figures(query: ReportQuery): Promise<DigitisationFigures> {
    return digitisationOf(await this.filesOf(query));
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
