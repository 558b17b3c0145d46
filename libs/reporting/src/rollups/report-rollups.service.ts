import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { WorkingCalendar } from '@onegate/domain';

import type { ApplicationHistory, DocumentFacts, StoredEvent } from '../figures/application-history';
import { digitisationCountersOf, historyEventOf } from '../figures/application-history';
import { contributionOf } from '../figures/contribution';
import type { ApplicationContribution } from '../figures/contribution';
import { fileEntriesOf } from '../figures/figure-files';
import { LocalDays } from '../figures/local-days';
import { stepAgenciesOf } from '../figures/step-contribution';
import type { StepCalendarOf } from '../figures/step-contribution';
import type { HistoryOwner, ReceptionFacts } from '../sources/report-source.repository';
import { historyOf, ReportSourceRepository } from '../sources/report-source.repository';
import { ReportRollupRepository } from './report-rollup.repository';
import { RollupChanges } from './rollup-changes';

/** The working calendars of the given agencies (those holding a file's steps), by id. */
export type StepCalendars = (agencyIds: readonly string[]) => Promise<ReadonlyMap<string, WorkingCalendar>>;

/**
 * Keeps the rollups equal to what the events say, in the transaction that writes the events: the
 * application's figures before the change are taken away and its figures after it are added.
 */
@Injectable()
export class ReportRollupsService {
  public constructor(
    private readonly rollups: ReportRollupRepository,
    private readonly sources: ReportSourceRepository,
  ) {}

  /**
   * For a live action: call right after appending its event, in the same transaction, with the
   * application's events in order (the new one last), the competent agency's calendar and the
   * calendars of the other agencies holding its steps (docs/metrics.md, "Processing steps").
   */
  public async recordLatestEvent(
    manager: EntityManager,
    application: HistoryOwner,
    events: readonly StoredEvent[],
    calendar: WorkingCalendar,
    stepCalendars?: StepCalendars,
  ): Promise<void> {
    const history = events.map(historyEventOf);
    // A rating counts only with the return it rates: without one, it is not read.
    const returned = history.some((event) => event.type === 'return');
    const rating = returned ? await this.sources.ratingOf(manager, application.id) : null;
    // Documents and results change the figures by `recordDocumentsChange`: the same before and after.
    const documents = await this.sources.documentsOfOne(manager, application.id);
    const after = historyOf(application, history, rating, documents);
    const others = stepAgenciesOf(after).filter((id) => id !== application.competentAgencyId);
    const calendars = others.length > 0 && stepCalendars ? await stepCalendars(others) : new Map();
    await this.recordChange(
      manager,
      { ...after, events: history.slice(0, -1) },
      after,
      calendar,
      (agencyId) => calendars.get(agencyId) ?? calendar,
    );
  }

  /** For a new rating, in the transaction that stores it. */
  public async recordRating(
    manager: EntityManager,
    application: HistoryOwner,
    score: number,
    calendar: WorkingCalendar,
  ): Promise<void> {
    const events = await this.sources.eventsOf(manager, application.id);
    const documents = await this.sources.documentsOfOne(manager, application.id);
    await this.recordChange(
      manager,
      historyOf(application, events, null, documents),
      historyOf(application, events, score, documents),
      calendar,
    );
  }

  /**
   * For a change of a file's documents or of its result (docs/metrics.md, "Digitisation"): `change` runs
   * in the caller's transaction, which holds the file (its row is written or locked first), between a
   * look at the file's documents before and one after; the difference moves the counts of its reception.
   * A file not yet received counts nowhere, so its documents are not looked at (a draft's uploads).
   */
  public async recordDocumentsChange<T>(
    manager: EntityManager,
    applicationId: string,
    change: () => Promise<T>,
  ): Promise<T> {
    const reception = await this.sources.receptionOf(manager, applicationId);
    if (!reception?.receivedAt) return change();
    const before = await this.sources.documentsOfOne(manager, applicationId);
    const result = await change();
    const after = await this.sources.documentsOfOne(manager, applicationId);
    if (sameDocuments(before, after)) return result;
    const changes = new RollupChanges();
    changes.add(reception.owner, digitisationOnly(reception, before), -1);
    changes.add(reception.owner, digitisationOnly(reception, after), 1);
    await this.rollups.apply(manager, changes);
    return result;
  }

  public async recordChange(
    manager: EntityManager,
    before: ApplicationHistory,
    after: ApplicationHistory,
    calendar: WorkingCalendar,
    calendarOf: StepCalendarOf = () => calendar,
  ): Promise<void> {
    const changes = new RollupChanges();
    changes.add(before, contributionOf(before, calendar, calendarOf), -1);
    changes.add(after, contributionOf(after, calendar, calendarOf), 1);
    await this.rollups.apply(manager, changes);
  }

  /**
   * Writes changes summed by the caller (an import batch) in its transaction, a slice of rows at a time
   * with `between` before each.
   */
  public async apply(
    manager: EntityManager,
    changes: RollupChanges,
    between?: () => Promise<void>,
  ): Promise<void> {
    await this.rollups.apply(manager, changes, between);
  }
}

function sameDocuments(a: DocumentFacts, b: DocumentFacts): boolean {
  return a.digital === b.digital && a.reused === b.reused && a.electronicResult === b.electronicResult;
}

/**
 * The part of a received file's contribution its documents decide: the counts on its reception date,
 * and its entries in their lists (a file no longer counted leaves the list).
 */
function digitisationOnly(reception: ReceptionFacts, documents: DocumentFacts): ApplicationContribution {
  const at = reception.receivedAt!.getTime();
  const date = LocalDays.of(reception.timeZone).dateOf(at);
  const counters = digitisationCountersOf(documents, reception.decided);
  return {
    channel: reception.channel,
    days: new Map([[date, counters]]),
    durations: [],
    steps: [],
    files: fileEntriesOf([{ at, date, counters }], []),
  };
}
