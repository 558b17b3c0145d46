import type { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { ApplicationJournal, WorkingCalendarService } from '@onegate/applications';
import type { ProcessContext, WorkingCalendar } from '@onegate/domain';
import {
  Feedback,
  isUniqueViolation,
  ProcedureStepRepository,
  TransactionRunner,
} from '@onegate/persistence';
import type { Agency, Procedure } from '@onegate/persistence';
import { AppConfig } from '@onegate/config';
import { Clock } from '@onegate/platform';
import { contributionOf, RollupChanges } from '@onegate/reporting';

import { EventLoopTurns } from './event-loop-turns';
import type { AgencyFeedbackLine } from './import-feedback';
import { agencyFeedbackRowOf, parseAgencyFeedbackLine } from './import-feedback';
import type { ImportLine } from './import-line';
import { ImportLineError, parseImportLine } from './import-line';
import type { ReplayedApplication } from './import-replay';
import { replayLine } from './import-replay';
import { ImportRepository } from './import.repository';
import type { NdjsonLine } from './ndjson-lines';
import { ndjsonLines } from './ndjson-lines';

/** `{"imported":N,"skipped":N,"rejected":[{"line":N,"error":"..."}]}` (docs/metrics.md, "Historical import"). */
export interface ImportResult {
  imported: number;
  skipped: number;
  rejected: { line: number; error: string }[];
  /** Only when there is something to warn about (docs/metrics.md, "Historical import"). */
  warnings?: ImportWarning[];
}

export interface ImportWarning {
  kind: 'no_official_schedule';
  years: number[];
  message: string;
}

/** Lines per transaction: each line is whole or absent, and a failed batch is retried line by line. */
const BATCH_LINES = 5_000;
export const IMPORT_LIMITS = { maxLineBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 ** 3 };

/** The catalogue as the import found it when it started, and that moment. */
interface Catalogue {
  procedures: Map<string, Procedure>;
  agencies: Map<string, Agency>;
  agenciesById: Map<string, Agency>;
  calendars: Map<string, WorkingCalendar>;
  /** Each procedure's process, when it has steps, with the calendars of the agencies holding them. */
  processes: Map<string, ProcessContext>;
  importedAt: Date;
  /** The years whose official schedule of days off is loaded. */
  scheduleYears: ReadonlySet<number>;
  /** The local years the replayed events span, filled in as lines are replayed. */
  replayedYears: Set<number>;
}

interface Parsed {
  line: number;
  value: ImportLine;
}

interface Replayed {
  line: number;
  replayed: ReplayedApplication;
}

/** A batch being written while the next ones are read and replayed. */
interface Writing {
  done: Promise<void>;
  codes: ReadonlySet<string>;
}

/**
 * Imports historical applications from NDJSON, one application a line, streaming: a batch of lines
 * is read, checked and replayed, then written with its report rollups in one transaction. On
 * PostgreSQL the next batches are prepared while earlier ones are written.
 */
@Injectable()
export class ImportService {
  public constructor(
    private readonly repository: ImportRepository,
    private readonly calendars: WorkingCalendarService,
    private readonly transactions: TransactionRunner,
    private readonly journal: ApplicationJournal,
    private readonly clock: Clock,
    private readonly procedureSteps: ProcedureStepRepository,
    private readonly config: AppConfig,
  ) {}

  public async importStream(source: Readable): Promise<ImportResult> {
    const result: ImportResult = { imported: 0, skipped: 0, rejected: [] };
    const catalogue = await this.loadCatalogue();
    const turns = new EventLoopTurns();
    const inFlight = this.repository.writesWhileReading;
    const writing: Writing[] = [];
    let batch: NdjsonLine[] = [];
    const flush = async () => {
      const agencyFeedback: { line: number; value: AgencyFeedbackLine }[] = [];
      const parsed = await this.parse(batch, result, turns, agencyFeedback);
      batch = [];
      await this.writeAgencyFeedback(agencyFeedback, catalogue, result);
      // A code of a batch being written cannot be checked until that batch is stored.
      const clashes = writing.filter((other) => parsed.some(({ value }) => other.codes.has(value.code)));
      await Promise.all(clashes.map((other) => other.done));
      const replayed = await this.prepare(parsed, catalogue, result, turns);
      const changes = await rollupChangesOf(replayed, catalogue, turns);
      while (writing.length >= Math.max(inFlight, 1)) await writing.shift()!.done;
      writing.push({
        done: this.write(replayed, changes, catalogue, result, turns),
        codes: new Set(replayed.map((entry) => entry.replayed.application.code!)),
      });
      if (inFlight === 0) await writing.shift()!.done;
    };
    for await (const line of ndjsonLines(source, IMPORT_LIMITS)) {
      batch.push(line);
      if (batch.length >= BATCH_LINES) await flush();
    }
    await flush();
    await Promise.all(writing.map((other) => other.done));
    result.rejected.sort((a, b) => a.line - b.line);
    const unscheduled = [...catalogue.replayedYears].filter((year) => !catalogue.scheduleYears.has(year));
    if (unscheduled.length > 0) result.warnings = [noOfficialSchedule(unscheduled.sort((a, b) => a - b))];
    return result;
  }

  private async parse(
    lines: NdjsonLine[],
    result: ImportResult,
    turns: EventLoopTurns,
    agencyFeedback: { line: number; value: AgencyFeedbackLine }[],
  ): Promise<Parsed[]> {
    const parsed: Parsed[] = [];
    for (const line of lines) {
      await turns.share();
      if ('error' in line) {
        result.rejected.push({ line: line.line, error: line.error });
        continue;
      }
      try {
        const feedback = parseAgencyFeedbackLine(line.text);
        if (feedback) agencyFeedback.push({ line: line.line, value: feedback });
        else parsed.push({ line: line.line, value: parseImportLine(line.text) });
      } catch (error) {
        result.rejected.push({ line: line.line, error: messageOf(error) });
      }
    }
    return parsed;
  }

  /**
   * Writes the feedback about an agency alone (docs/metrics.md, "Historical import"), each line in its
   * own transaction: one whose code is already in OneGate is skipped.
   */
  private async writeAgencyFeedback(
    lines: readonly { line: number; value: AgencyFeedbackLine }[],
    catalogue: Catalogue,
    result: ImportResult,
  ): Promise<void> {
    for (const { line, value } of lines) {
      const agency = catalogue.agencies.get(value.agencyCode);
      if (!agency) {
        result.rejected.push({ line, error: 'agencyFeedback.agencyCode is not the code of an agency' });
        continue;
      }
      const days = agency.feedbackDays ?? this.config.feedbackDays;
      const row = agencyFeedbackRowOf(value, agency.id, catalogue.calendars.get(agency.id)!, days);
      try {
        await this.transactions.run(async (manager) => {
          const repository = manager.getRepository(Feedback);
          if (value.code && (await repository.existsBy({ code: value.code }))) {
            result.skipped += 1;
            return;
          }
          await repository.insert(row);
          result.imported += 1;
        });
      } catch (error) {
        if (isUniqueViolation(error)) result.skipped += 1;
        else result.rejected.push({ line, error: `could not be stored: ${messageOf(error)}` });
      }
    }
  }

  /** Skips codes already imported, links applicants to accounts, and replays each line's story. */
  private async prepare(
    parsed: Parsed[],
    catalogue: Catalogue,
    result: ImportResult,
    turns: EventLoopTurns,
  ): Promise<Replayed[]> {
    const [existing, accounts] = await Promise.all([
      this.repository.existingCodes(parsed.map(({ value }) => value.code)),
      this.repository.citizensByNationalId([
        ...new Set(parsed.map(({ value }) => value.applicant.nationalId)),
      ]),
    ]);
    const fresh = parsed.filter(({ value }) => {
      if (existing.has(value.code)) {
        result.skipped += 1;
        return false;
      }
      existing.add(value.code);
      return true;
    });
    const replayed: Replayed[] = [];
    for (const { line, value } of fresh) {
      await turns.share();
      try {
        replayed.push({
          line,
          replayed: this.replay(value, catalogue, accounts.get(value.applicant.nationalId)),
        });
      } catch (error) {
        result.rejected.push({ line, error: messageOf(error) });
      }
    }
    return replayed;
  }

  private replay(
    line: ImportLine,
    catalogue: Catalogue,
    account: { id: string; email: string } | undefined,
  ): ReplayedApplication {
    const procedure = catalogue.procedures.get(line.procedureCode);
    if (!procedure) throw new ImportLineError(`no procedure ${line.procedureCode}`);
    const receiving = line.receivingAgencyCode ? catalogue.agencies.get(line.receivingAgencyCode) : null;
    if (line.receivingAgencyCode && !receiving)
      throw new ImportLineError(`no agency ${line.receivingAgencyCode}`);
    const calendar = catalogue.calendars.get(procedure.agencyId)!;
    const replayed = replayLine(line, {
      procedure,
      calendar,
      competentAgency: catalogue.agenciesById.get(procedure.agencyId)!,
      receivingAgency: receiving
        ? { agency: receiving, calendar: catalogue.calendars.get(receiving.id)! }
        : null,
      account: account ?? null,
      importedAt: catalogue.importedAt,
      process: catalogue.processes.get(procedure.id),
      agencyById: (id) => catalogue.agenciesById.get(id),
      agencyByCode: (code) => catalogue.agencies.get(code),
      feedbackDays: catalogue.agenciesById.get(procedure.agencyId)!.feedbackDays ?? this.config.feedbackDays,
    });
    // Events are in time order, so the years from the first to the last are all crossed.
    const yearOf = (at: Date) => Number(calendar.localDateOf(at).slice(0, 4));
    const last = yearOf(line.events[line.events.length - 1]!.at);
    for (let year = yearOf(line.events[0]!.at); year <= last; year += 1) catalogue.replayedYears.add(year);
    return replayed;
  }

  /** One transaction for the batch; if it fails, each line alone, so one bad row spoils no other. */
  private async write(
    replayed: Replayed[],
    changes: RollupChanges,
    catalogue: Catalogue,
    result: ImportResult,
    turns: EventLoopTurns,
  ): Promise<void> {
    if (replayed.length === 0) return;
    try {
      await this.transactions.run(async (manager) => {
        await this.journal.recordHistories(
          manager,
          replayed.map((entry) => entry.replayed),
          changes,
          () => turns.share(),
        );
      });
      result.imported += replayed.length;
    } catch (error) {
      if (replayed.length > 1) {
        for (const entry of replayed) {
          const changes = await rollupChangesOf([entry], catalogue, turns);
          await this.write([entry], changes, catalogue, result, turns);
        }
      } else if (isUniqueViolation(error)) {
        // Imported meanwhile by another import: the code is there, so nothing changes.
        result.skipped += 1;
      } else {
        result.rejected.push({ line: replayed[0]!.line, error: `could not be stored: ${messageOf(error)}` });
      }
    }
  }

  private async loadCatalogue(): Promise<Catalogue> {
    const { procedures, agencies } = await this.repository.catalogue();
    const calendars = new Map<string, WorkingCalendar>();
    for (const agency of agencies) calendars.set(agency.id, await this.calendars.calendarFor(agency));
    const stepsByProcedure = await this.procedureSteps.stepsOfMany(
      procedures.map((procedure) => procedure.id),
    );
    const processes = new Map<string, ProcessContext>();
    for (const procedure of procedures) {
      const steps = stepsByProcedure.get(procedure.id) ?? [];
      if (steps.length > 0)
        processes.set(procedure.id, { steps, competentAgencyId: procedure.agencyId, calendars });
    }
    return {
      processes,
      procedures: new Map(procedures.map((procedure) => [procedure.code, procedure])),
      agencies: new Map(agencies.map((agency) => [agency.code, agency])),
      agenciesById: new Map(agencies.map((agency) => [agency.id, agency])),
      calendars,
      importedAt: this.clock.now(),
      scheduleYears: await this.calendars.officialScheduleYears(),
      replayedYears: new Set(),
    };
  }
}

async function rollupChangesOf(
  replayed: readonly Replayed[],
  catalogue: Catalogue,
  turns: EventLoopTurns,
): Promise<RollupChanges> {
  const changes = new RollupChanges();
  for (const { replayed: entry } of replayed) {
    await turns.share();
    const calendar = catalogue.calendars.get(entry.history.agencyId)!;
    // Each step counts on the calendar of the agency holding it (docs/metrics.md, "Processing steps").
    changes.add(
      entry.history,
      contributionOf(entry.history, calendar, (id) => catalogue.calendars.get(id) ?? calendar),
    );
  }
  return changes;
}

function noOfficialSchedule(years: number[]): ImportWarning {
  return {
    kind: 'no_official_schedule',
    years,
    message:
      `No official schedule of days off is loaded for ${years.join(', ')}: due times and working time there ` +
      'count the statutory holidays only. Load the schedule, then run reports rebuild (docs/working-time.md).',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
