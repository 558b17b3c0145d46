import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';

import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { Agency, Application, ApplicationRating, COMPLAINT_ASPECTS, Feedback } from '@onegate/persistence';

/** A returned file with a complaint about it, as criterion 5c reads it (docs/decision-766.md). */
export interface ComplainedFileFacts {
  id: string;
  /** The competent agency, whose unit counts the file. */
  agencyId: string;
  /** Its competent agency's time zone, whose local dates count it in a period. */
  timeZone: string;
  returnedAt: Date;
  /** The first complaint about it (reception, handling or lateness). */
  firstComplaintAt: Date;
  /** The citizen's 1–5 rating of the file; null when not rated. */
  score: number | null;
}

const SLICE = 500;

/**
 * The returned files with a complaint filed before an instant: complaints are few, so this reads the
 * complaints first (by their aspect) and then only their files.
 */
@Injectable()
export class ComplaintSourceRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async returnedFilesWithComplaint(
    agencyIds: readonly string[] | null,
    filedBefore: Date,
  ): Promise<ComplainedFileFacts[]> {
    if (agencyIds?.length === 0) return [];
    const manager = this.dataSource.manager;
    const complaints = await manager.find(Feedback, {
      select: { applicationId: true, filedAt: true },
      where: {
        applicationId: Not(IsNull()),
        aspect: In([...COMPLAINT_ASPECTS]),
        filedAt: LessThan(filedBefore),
      },
    });
    const first = new Map<string, Date>();
    for (const complaint of complaints) {
      const known = first.get(complaint.applicationId!);
      if (!known || complaint.filedAt < known) first.set(complaint.applicationId!, complaint.filedAt);
    }
    if (first.size === 0) return [];
    const zones = new Map(
      (await manager.find(Agency, { select: { id: true, timeZone: true } })).map((agency) => [
        agency.id,
        agency.timeZone,
      ]),
    );
    const unit = agencyIds ? new Set(agencyIds) : null;
    const ids = [...first.keys()];
    const facts: ComplainedFileFacts[] = [];
    for (let start = 0; start < ids.length; start += SLICE) {
      const slice = In(ids.slice(start, start + SLICE));
      const [files, ratings] = await Promise.all([
        manager.find(Application, {
          select: { id: true, competentAgencyId: true, closedAt: true },
          where: { id: slice, state: 'returned' },
        }),
        manager.find(ApplicationRating, {
          select: { applicationId: true, score: true },
          where: { applicationId: slice },
        }),
      ]);
      const scores = new Map(ratings.map((rating) => [rating.applicationId, rating.score]));
      for (const file of files) {
        if (file.closedAt === null || (unit && !unit.has(file.competentAgencyId))) continue;
        facts.push({
          id: file.id,
          agencyId: file.competentAgencyId,
          timeZone: zones.get(file.competentAgencyId) ?? DEFAULT_TIME_ZONE,
          returnedAt: file.closedAt,
          firstComplaintAt: first.get(file.id)!,
          score: scores.get(file.id) ?? null,
        });
      }
    }
    return facts;
  }
}
