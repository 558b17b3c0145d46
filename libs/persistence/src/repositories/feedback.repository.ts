import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, EntityManager, In, IsNull, LessThan, MoreThanOrEqual, Repository } from 'typeorm';

import { COMPLAINT_ASPECTS, Feedback } from '../entities';
import type { FeedbackRating } from '../entities';

/** Citizens' feedback and petitions, and the agencies' answers (docs/feedback.md). */
@Injectable()
export class FeedbackRepository {
  private readonly feedback: Repository<Feedback>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.feedback = dataSource.getRepository(Feedback);
  }

  /** Files it, in the caller's transaction (with its overdue check's outbox row). */
  public async insert(manager: EntityManager, feedback: Feedback): Promise<void> {
    await manager.getRepository(Feedback).insert(feedback);
  }

  public findById(id: string): Promise<Feedback | null> {
    return this.feedback.findOneBy({ id });
  }

  public findByCode(code: string): Promise<Feedback | null> {
    return this.feedback.findOneBy({ code });
  }

  public async codeTaken(code: string): Promise<boolean> {
    return (await this.feedback.countBy({ code })) > 0;
  }

  /** A citizen's own feedback, newest first. */
  public ofAuthor(authorId: string, limit: number): Promise<Feedback[]> {
    return this.feedback.find({ where: { authorId }, order: { filedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /**
   * The agencies' queue: unanswered feedback first, soonest (so most overdue) due time first, then the
   * answered ones, latest answered first.
   */
  public async queueOf(agencyIds: string[] | 'all', limit: number): Promise<Feedback[]> {
    const agency = agencyIds === 'all' ? {} : { agencyId: In(agencyIds) };
    if (agencyIds !== 'all' && agencyIds.length === 0) return [];
    const open = await this.feedback.find({
      where: { ...agency, answeredAt: IsNull() },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    if (open.length >= limit) return open;
    const answered = await this.feedback
      .createQueryBuilder('feedback')
      .where(agencyIds === 'all' ? '1 = 1' : 'feedback.agency_id IN (:...agencyIds)', { agencyIds })
      .andWhere('feedback.answered_at IS NOT NULL')
      .orderBy('feedback.answered_at', 'DESC')
      .addOrderBy('feedback.id', 'ASC')
      .take(limit - open.length)
      .getMany();
    return [...open, ...answered];
  }

  /** Records the answer once: false when it was answered meanwhile. */
  public async answer(
    manager: EntityManager,
    id: string,
    answer: Pick<Feedback, 'answeredAt' | 'answeredBy' | 'answeredByRole' | 'answer'>,
  ): Promise<boolean> {
    const result = await manager.getRepository(Feedback).update({ id, answeredAt: IsNull() }, answer);
    return (result.affected ?? 0) === 1;
  }

  /** Records the author's rating once, of an answered item: false when it was rated meanwhile. */
  public async rate(id: string, rating: FeedbackRating, ratedAt: Date): Promise<boolean> {
    const result = await this.feedback
      .createQueryBuilder()
      .update(Feedback)
      .set({ rating, ratedAt })
      .where('id = :id AND rating IS NULL AND answered_at IS NOT NULL', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Of these files, those with a complaint about reception, handling or lateness. */
  public async filesWithComplaint(applicationIds: string[]): Promise<Set<string>> {
    if (applicationIds.length === 0) return new Set();
    const rows = await this.feedback.find({
      select: { applicationId: true },
      where: { applicationId: In(applicationIds), aspect: In([...COMPLAINT_ASPECTS]) },
    });
    return new Set(rows.map((row) => row.applicationId!));
  }

  /** The feedback of these agencies due in `[from, to)`, for the report figures (docs/metrics.md). */
  public dueBetween(agencyIds: readonly string[] | null, from: Date, to: Date): Promise<Feedback[]> {
    if (agencyIds?.length === 0) return Promise.resolve([]);
    return this.feedback.find({
      select: {
        id: true,
        agencyId: true,
        applicationId: true,
        aspect: true,
        dueAt: true,
        answeredAt: true,
        rating: true,
      },
      where: {
        ...(agencyIds ? { agencyId: In([...agencyIds]) } : {}),
        dueAt: And(MoreThanOrEqual(from), LessThan(to)),
      },
    });
  }
}
