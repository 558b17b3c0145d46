import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import type { Channel } from '@onegate/domain';
import {
  Agency,
  Application,
  ApplicationEvent,
  ApplicationRating,
  Attachment,
  IssuedResult,
  MESSAGE_FILES_PREFIX,
  PreparedSelect,
} from '@onegate/persistence';

import type { ApplicationHistory, DocumentFacts, HistoryEvent } from '../figures/application-history';
import { documentFactsOf, historyEventOf } from '../figures/application-history';

/** What an application's report figures are computed from: the application itself. */
export type HistoryOwner = Pick<Application, 'id' | 'competentAgencyId' | 'procedureId' | 'feeVnd'>;

export function historyOf(
  owner: HistoryOwner,
  events: readonly HistoryEvent[],
  rating: number | null,
  documents: DocumentFacts,
): ApplicationHistory {
  return {
    applicationId: owner.id,
    agencyId: owner.competentAgencyId,
    procedureId: owner.procedureId,
    feeVnd: owner.feeVnd,
    events,
    rating,
    documents,
  };
}

/** Where a file's digitisation counts land: its reception, on its competent agency's clock. */
export interface ReceptionFacts {
  owner: { applicationId: string; agencyId: string; procedureId: string };
  channel: Channel;
  timeZone: string;
  receivedAt: Date | null;
  decided: boolean;
}

/** Ids a statement reads at once. */
const SLICE = 500;

/** Reads events and ratings for the rollups, through the caller's transaction. */
@Injectable()
export class ReportSourceRepository {
  private readonly ratingById: PreparedSelect<ApplicationRating, 'applicationId'>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.ratingById = PreparedSelect.find(
      dataSource,
      ApplicationRating,
      ['applicationId'],
      ({ applicationId }) => ({
        select: { score: true },
        where: { applicationId },
      }),
    );
  }

  public async eventsOf(manager: EntityManager, applicationId: string): Promise<HistoryEvent[]> {
    const events = await manager.getRepository(ApplicationEvent).find({
      select: { type: true, at: true, channel: true, data: true, sequence: true },
      where: { applicationId },
      order: { sequence: 'ASC' },
    });
    return events.map(historyEventOf);
  }

  public async ratingOf(manager: EntityManager, applicationId: string): Promise<number | null> {
    // An application has at most one rating (its key).
    const [rating] = await this.ratingById.getMany({ applicationId }, manager);
    return rating?.score ?? null;
  }

  /** The document facts of the given files (docs/metrics.md, "Digitisation"), by id. */
  public async documentsOf(
    manager: EntityManager,
    applicationIds: readonly string[],
  ): Promise<Map<string, DocumentFacts>> {
    const origins = new Map<string, string[]>();
    const results = new Set<string>();
    for (let start = 0; start < applicationIds.length; start += SLICE) {
      const slice = In(applicationIds.slice(start, start + SLICE));
      const documents = await manager.find(Attachment, {
        select: { applicationId: true, origin: true, documentName: true },
        where: { applicationId: slice },
      });
      for (const document of documents) {
        // A message's files are no document of the file (docs/messages.md).
        if (document.documentName?.startsWith(MESSAGE_FILES_PREFIX)) continue;
        const list = origins.get(document.applicationId) ?? [];
        list.push(document.origin);
        origins.set(document.applicationId, list);
      }
      const issued = await manager.find(IssuedResult, {
        select: { applicationId: true },
        where: { applicationId: slice },
      });
      for (const result of issued) results.add(result.applicationId);
    }
    return new Map(applicationIds.map((id) => [id, documentFactsOf(origins.get(id) ?? [], results.has(id))]));
  }

  /** The facts of one file's documents. */
  public async documentsOfOne(manager: EntityManager, applicationId: string): Promise<DocumentFacts> {
    return (await this.documentsOf(manager, [applicationId])).get(applicationId)!;
  }

  /** Where a file's digitisation counts land, or null for no such file. */
  public async receptionOf(manager: EntityManager, applicationId: string): Promise<ReceptionFacts | null> {
    const application = await manager.findOne(Application, {
      select: {
        id: true,
        competentAgencyId: true,
        procedureId: true,
        submissionChannel: true,
        receivedAt: true,
        decidedAt: true,
      },
      where: { id: applicationId },
    });
    if (!application) return null;
    const agency = await manager.findOne(Agency, {
      select: { id: true, timeZone: true },
      where: { id: application.competentAgencyId },
    });
    return {
      owner: {
        applicationId: application.id,
        agencyId: application.competentAgencyId,
        procedureId: application.procedureId,
      },
      channel: application.submissionChannel,
      timeZone: agency?.timeZone ?? DEFAULT_TIME_ZONE,
      receivedAt: application.receivedAt,
      decided: application.decidedAt !== null,
    };
  }

  /** The next applications after `afterId` (by id) with their whole histories, for a rebuild. */
  public async historiesAfter(
    manager: EntityManager,
    afterId: string,
    limit: number,
  ): Promise<{ id: string; history: ApplicationHistory }[]> {
    const applications = await manager.getRepository(Application).find({
      select: { id: true, competentAgencyId: true, procedureId: true, feeVnd: true },
      where: { id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
    if (applications.length === 0) return [];
    const ids = applications.map((application) => application.id);
    const [events, ratings, documents] = await Promise.all([
      manager.getRepository(ApplicationEvent).find({
        select: { applicationId: true, type: true, at: true, channel: true, data: true, sequence: true },
        where: { applicationId: In(ids) },
        order: { applicationId: 'ASC', sequence: 'ASC' },
      }),
      manager.getRepository(ApplicationRating).find({
        select: { applicationId: true, score: true },
        where: { applicationId: In(ids) },
      }),
      this.documentsOf(manager, ids),
    ]);
    const eventsById = new Map<string, HistoryEvent[]>();
    for (const event of events) {
      const list = eventsById.get(event.applicationId) ?? [];
      list.push(historyEventOf(event));
      eventsById.set(event.applicationId, list);
    }
    const scores = new Map(ratings.map((rating) => [rating.applicationId, rating.score]));
    return applications.map((application) => ({
      id: application.id,
      history: historyOf(
        application,
        eventsById.get(application.id) ?? [],
        scores.get(application.id) ?? null,
        documents.get(application.id)!,
      ),
    }));
  }
}
