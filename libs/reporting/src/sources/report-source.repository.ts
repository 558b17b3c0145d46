import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { Application, ApplicationEvent, ApplicationRating, PreparedSelect } from '@onegate/persistence';

import type { ApplicationHistory, HistoryEvent } from '../figures/application-history';
import { historyEventOf } from '../figures/application-history';

/** What an application's report figures are computed from: the application itself. */
export type HistoryOwner = Pick<Application, 'id' | 'competentAgencyId' | 'procedureId' | 'feeVnd'>;

export function historyOf(
  owner: HistoryOwner,
  events: readonly HistoryEvent[],
  rating: number | null,
): ApplicationHistory {
  return {
    applicationId: owner.id,
    agencyId: owner.competentAgencyId,
    procedureId: owner.procedureId,
    feeVnd: owner.feeVnd,
    events,
    rating,
  };
}

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
    const [events, ratings] = await Promise.all([
      manager.getRepository(ApplicationEvent).find({
        select: { applicationId: true, type: true, at: true, channel: true, data: true, sequence: true },
        where: { applicationId: In(ids) },
        order: { applicationId: 'ASC', sequence: 'ASC' },
      }),
      manager.getRepository(ApplicationRating).find({
        select: { applicationId: true, score: true },
        where: { applicationId: In(ids) },
      }),
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
      ),
    }));
  }
}
