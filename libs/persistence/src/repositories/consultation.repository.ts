import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual, Repository } from 'typeorm';

import { Consultation } from '../entities';

/** The consultations of files (docs/applications.md, "Consultations"). */
@Injectable()
export class ConsultationRepository {
  private readonly consultations: Repository<Consultation>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.consultations = dataSource.getRepository(Consultation);
  }

  /** Opens consultations, in the caller's transaction (the `consult` action's). */
  public async open(manager: EntityManager, consultations: Consultation[]): Promise<void> {
    await manager.getRepository(Consultation).insert(consultations);
  }

  /** Records an answer once: false when it was answered meanwhile. */
  public async answer(
    manager: EntityManager,
    id: string,
    answer: { answeredAt: Date; answeredBy: string; opinion: string },
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Consultation)
      .update({ id, answeredAt: IsNull() }, { ...answer });
    return (result.affected ?? 0) === 1;
  }

  public findOfFile(applicationId: string, id: string): Promise<Consultation | null> {
    return this.consultations.findOneBy({ applicationId, id });
  }

  /** A file's consultations, oldest first. */
  public ofFile(applicationId: string): Promise<Consultation[]> {
    return this.consultations.find({ where: { applicationId }, order: { askedAt: 'ASC', id: 'ASC' } });
  }

  /** Whether the agency has an unanswered consultation on the file. */
  public async isOpenFor(applicationId: string, agencyId: string): Promise<boolean> {
    return (await this.consultations.countBy({ applicationId, agencyId, answeredAt: IsNull() })) > 0;
  }

  /** The files on which the agency has unanswered consultations, soonest answer due first. */
  public async openFilesOf(agencyId: string, limit: number): Promise<string[]> {
    const rows = await this.consultations.find({
      select: { applicationId: true },
      where: { agencyId, answeredAt: IsNull() },
      order: { answerDueAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return [...new Set(rows.map((row) => row.applicationId))];
  }

  /** The file's consultations still unanswered at `now`, past their due time. */
  public overdueOf(applicationId: string, now: Date): Promise<Consultation[]> {
    return this.consultations.findBy({
      applicationId,
      answeredAt: IsNull(),
      answerDueAt: LessThanOrEqual(now),
    });
  }

  public ofFiles(applicationIds: string[]): Promise<Consultation[]> {
    return applicationIds.length === 0
      ? Promise.resolve([])
      : this.consultations.findBy({ applicationId: In(applicationIds) });
  }
}
