import { Injectable } from '@nestjs/common';

import { addDays } from '@onegate/domain';

import { MS_PER_WORKING_DAY } from '../figures/histogram';
import { BEGINNING, periodRanges } from '../figures/period-ranges';
import type { Counters } from '../figures/report-counters';
import { addCounters, zeroCounters } from '../figures/report-counters';
import { LocalDays } from '../figures/local-days';
import { DigitisationQuery, digitisationOf, digitisationRatesOf } from '../queries/digitisation';
import { FeedbackFiguresService, feedbackFiguresOf } from '../queries/feedback-figures.service';
import type { FeedbackRow } from '../queries/feedback-figures.service';
import type { ReportCatalogue } from '../queries/report-catalogue';
import type { ReportQuery } from '../queries/report-query.service';
import type { GroupSums } from '../rollups/report-rollup.repository';
import { ReportRollupRepository } from '../rollups/report-rollup.repository';
import { ComplaintSourceRepository } from '../sources/complaint-source.repository';
import type { ComplainedFileFacts } from '../sources/complaint-source.repository';
import type { DigitisedFileFacts } from '../sources/digitisation-source.repository';
import { SynchronisedSourceRepository } from '../sources/synchronised-source.repository';
import type { IndexInputs } from './criteria';
import { ScoringTableRepository } from './scoring-table.repository';
import { versionFor } from './scoring-table';
import type { ScoringTableVersion } from './scoring-table';
import type { ServiceIndexFigures } from './service-index';
import { serviceIndexOf } from './service-index';

/** 2b per procedure: the mean resolution time of the files decided in the period. */
export interface ProcedureResolution {
  procedure: string;
  name: { vi: string; en: string };
  decided: number;
  meanDays: number | null;
}

export interface ServiceIndexResult extends ServiceIndexFigures {
  resolutionByProcedure: ProcedureResolution[];
}

export interface RankedUnit {
  rank: number;
  agency: string;
  name: { vi: string; en: string };
  total: number;
  computableMax: number;
  groups: { id: string; points: number; computableMax: number }[];
}

/** The rollup sums of one competent agency and procedure: over the period, and up to its end. */
interface Cell {
  agencyId: string;
  procedureId: string;
  period: GroupSums | undefined;
  upToEnd: GroupSums | undefined;
}

/** The units of a ranking, highest total first, with the scoring table's version. */
export interface ServiceIndexRanked {
  scoringVersion: number;
  units: RankedUnit[];
}

/** Everything the index and the ranking are computed from. */
interface IndexRead {
  cells: Cell[];
  table: ScoringTableVersion;
  live: LiveFacts;
}

/** What the index reads live rather than from the rollups, for every unit of the query. */
interface LiveFacts {
  /** 4b and 4c's files, only while the rollups do not hold their counts yet (docs/operations.md). */
  files: DigitisedFileFacts[] | null;
  feedback: FeedbackRow[];
  /** Files returned in the period with a complaint filed by its end, not rated 1 or 2. */
  complained: { agencyId: string }[];
  /** Files received in the period whose every status change the national portal accepted (1d). */
  synchronised: { agencyId: string; synchronised: boolean }[];
}

/**
 * The service index of Decision 766 (docs/decision-766.md) from the rollups: one read of the period's
 * rows and one of the open files at its end, by competent agency and procedure, then every unit of a
 * ranking summed from them. Feedback (5a, 5b) and complaints (5c) are read from their own tables by
 * their indexes, the period's rows alone.
 */
@Injectable()
export class ServiceIndexQueryService {
  public constructor(
    private readonly rollups: ReportRollupRepository,
    private readonly tables: ScoringTableRepository,
    private readonly digitisation: DigitisationQuery,
    private readonly feedback: FeedbackFiguresService,
    private readonly complaints: ComplaintSourceRepository,
    private readonly synchronisation: SynchronisedSourceRepository,
  ) {}

  public async index(
    query: ReportQuery,
    catalogue: ReportCatalogue,
    now = new Date(),
  ): Promise<ServiceIndexResult> {
    return indexOf(await this.read(query), query, catalogue, now);
  }

  /** Each unit (an agency with the agencies below it) scored and ranked by total, the highest first. */
  public async ranking(
    query: ReportQuery,
    catalogue: ReportCatalogue,
    unitIds: readonly string[],
    now = new Date(),
  ): Promise<ServiceIndexRanked> {
    return rankingOf(await this.read(query), catalogue, unitIds, now);
  }

  /**
   * The index and the ranking of the same period and scope from one read of the rollups and of the live
   * facts (the dashboard shows both: reading them twice would double the page's wait).
   */
  public async indexAndRanking(
    query: ReportQuery,
    catalogue: ReportCatalogue,
    unitIds: readonly string[],
    now = new Date(),
  ): Promise<{ index: ServiceIndexResult; ranking: ServiceIndexRanked }> {
    const read = await this.read(query);
    return { index: indexOf(read, query, catalogue, now), ranking: rankingOf(read, catalogue, unitIds, now) };
  }

  private async read(query: ReportQuery): Promise<IndexRead> {
    const [cells, table, live] = await Promise.all([
      this.cells(query),
      this.tableFor(query.to),
      this.live(query),
    ]);
    return { cells, table, live };
  }

  private async tableFor(to: string): Promise<ScoringTableVersion> {
    const version = versionFor(await this.tables.list(), to);
    if (!version) throw new Error('No scoring table of the service index: the migrations ship one');
    return version;
  }

  /**
   * The feedback due in the period (5a, 5b) and the returned files with a complaint (5c), read once for
   * every unit; and the files received in the period with their documents (4b, 4c) only while the
   * rollups do not hold their counts yet.
   */
  private async live(query: ReportQuery): Promise<LiveFacts> {
    const agencyIds = query.agencyIds ?? null;
    const readsLive = await this.digitisation.readsLive();
    // A complaint filed before the period's last local day ends, on every clock (a day's margin).
    const [files, feedback, complained, synchronised] = await Promise.all([
      readsLive ? this.digitisation.filesOf(query) : null,
      this.feedback.dueIn({ from: query.from, to: query.to, agencyIds }),
      this.complaints.returnedFilesWithComplaint(agencyIds, new Date(`${addDays(query.to, 2)}T00:00:00Z`)),
      this.synchronisation.synchronisedFiles(agencyIds, query.from, query.to),
    ]);
    return {
      files,
      feedback,
      complained: complainedInPeriod(complained, query.from, query.to),
      synchronised,
    };
  }

  private async cells(query: ReportQuery): Promise<Cell[]> {
    const scope = { agencyIds: query.agencyIds, procedureId: null };
    const [period, upToEnd] = await Promise.all([
      this.rollups.sums(scope, periodRanges(query.from, query.to), 'agencyProcedure'),
      this.rollups.sums(scope, periodRanges(BEGINNING, query.to), 'agencyProcedure'),
    ]);
    const keys = new Set([...period.keys(), ...upToEnd.keys()]);
    return [...keys].map((key) => {
      const [agencyId, procedureId] = key.split('|') as [string, string];
      return { agencyId, procedureId, period: period.get(key), upToEnd: upToEnd.get(key) };
    });
  }
}

function indexOf(
  { cells, table, live }: IndexRead,
  query: ReportQuery,
  catalogue: ReportCatalogue,
  now: Date,
): ServiceIndexResult {
  const inputs = inputsOf(cells, live, catalogue, query.agencyIds ?? null, now);
  return { ...serviceIndexOf(inputs, table), resolutionByProcedure: resolutionOf(cells, catalogue) };
}

function rankingOf(
  { cells, table, live }: IndexRead,
  catalogue: ReportCatalogue,
  unitIds: readonly string[],
  now: Date,
): ServiceIndexRanked {
  const units = unitIds.map((id) => {
    const agency = catalogue.agency(id)!;
    const figures = serviceIndexOf(inputsOf(cells, live, catalogue, catalogue.subtree(id), now), table);
    return {
      rank: 0,
      agency: agency.code,
      name: { vi: agency.nameVi, en: agency.nameEn },
      total: figures.total,
      computableMax: figures.computableMax,
      groups: figures.groups.map(({ id: group, points, computableMax }) => ({
        id: group,
        points,
        computableMax,
      })),
    };
  });
  units.sort((a, b) => b.total - a.total || (a.agency < b.agency ? -1 : 1));
  // Equal totals share a rank (1, 2, 2, 4).
  units.forEach((unit, index) => {
    unit.rank = index > 0 && units[index - 1]!.total === unit.total ? units[index - 1]!.rank : index + 1;
  });
  return { scoringVersion: table.version, units };
}

/**
 * 5c's files not satisfied by a complaint (docs/decision-766.md, "5c, not satisfied"): returned in the
 * period `[from, to]`, complained about by the end of its last day, and not already rated 1 or 2; dates
 * on the competent agency's clock.
 */
export function complainedInPeriod(
  files: readonly ComplainedFileFacts[],
  from: string,
  to: string,
): ComplainedFileFacts[] {
  return files.filter((file) => {
    const days = LocalDays.of(file.timeZone);
    const returned = days.dateOf(file.returnedAt.getTime());
    return (
      returned >= from &&
      returned <= to &&
      days.dateOf(file.firstComplaintAt.getTime()) <= to &&
      !(file.score !== null && file.score <= 2)
    );
  });
}

function inputsOf(
  cells: readonly Cell[],
  live: LiveFacts,
  catalogue: ReportCatalogue,
  agencyIds: readonly string[] | null,
  now: Date,
): IndexInputs {
  const unit = agencyIds ? new Set(agencyIds) : null;
  const counters: Counters = zeroCounters();
  let onlineReceived = 0;
  let backlog = 0;
  let lateOpen = 0;
  const proceduresReceivedOnline = new Set<string>();
  for (const cell of cells) {
    if (unit && !unit.has(cell.agencyId)) continue;
    if (cell.period) {
      addCounters(counters, cell.period.counters);
      onlineReceived += cell.period.onlineReceived;
      if (cell.period.onlineReceived > 0) proceduresReceivedOnline.add(cell.procedureId);
    }
    if (cell.upToEnd) {
      backlog += cell.upToEnd.counters.backlogDelta;
      lateOpen += cell.upToEnd.counters.indexLateOpenDelta;
    }
  }
  const procedures = catalogue
    .procedures()
    .filter((procedure) => procedure.retiredAt === null && (!unit || unit.has(procedure.agencyId)))
    .map(({ id, onlineLevel, feeVnd }) => ({ id, onlineLevel, feeVnd }));
  const mine = <T extends { agencyId: string }>(rows: readonly T[]) =>
    unit ? rows.filter((row) => unit.has(row.agencyId)) : rows;
  return {
    counters,
    onlineReceived,
    backlog,
    lateOpen,
    procedures,
    proceduresReceivedOnline,
    digitisation: live.files
      ? digitisationOf(mine(live.files))
      : digitisationRatesOf({
          files: counters.received,
          digitised: counters.digitised,
          reused: counters.reused,
        }),
    feedback: feedbackFiguresOf(mine(live.feedback), now),
    returnedWithComplaint: mine(live.complained).length,
    sentToPortal: mine(live.synchronised).length,
    synchronised: mine(live.synchronised).filter((file) => file.synchronised).length,
  };
}

function resolutionOf(cells: readonly Cell[], catalogue: ReportCatalogue): ProcedureResolution[] {
  const byProcedure = new Map<string, { decided: number; turnaroundMs: number }>();
  for (const cell of cells) {
    if (!cell.period || cell.period.counters.decided === 0) continue;
    const sums = byProcedure.get(cell.procedureId) ?? { decided: 0, turnaroundMs: 0 };
    sums.decided += cell.period.counters.decided;
    sums.turnaroundMs += cell.period.counters.turnaroundMs;
    byProcedure.set(cell.procedureId, sums);
  }
  return [...byProcedure]
    .map(([id, sums]) => {
      const procedure = catalogue.procedure(id);
      return {
        procedure: procedure?.code ?? id,
        name: { vi: procedure?.nameVi ?? '', en: procedure?.nameEn ?? '' },
        decided: sums.decided,
        meanDays: sums.turnaroundMs / sums.decided / MS_PER_WORKING_DAY,
      };
    })
    .sort((a, b) => (a.procedure < b.procedure ? -1 : a.procedure > b.procedure ? 1 : 0));
}
