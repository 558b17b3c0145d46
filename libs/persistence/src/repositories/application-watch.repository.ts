import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { Agency, Application, CLOCK_RUNS, User } from '../entities';
import { afterInDueOrder } from './due-order-cursor';

/** The running files' condition, written as the running-files index's predicate so the index serves it. */
const CLOCK_RUNS_HERE = `application.${CLOCK_RUNS}`;

export interface WeeklyCounts {
  received: number;
  decided: number;
  onTime: number;
  overdue: number;
}

/** What deadline alerts and supervisors' digests read: open files by due time, supervisors, weekly counts. */
@Injectable()
export class ApplicationWatchRepository {
  private readonly applications: Repository<Application>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.applications = dataSource.getRepository(Application);
  }

  /**
   * Files whose clock runs and which are due by `dueBy`, soonest first, by keyset pages; not those
   * imported past their due time, which stay overdue and alert nobody (`deadlineAlertAt`).
   */
  public alertableDueBy(
    dueBy: Date,
    limit: number,
    after: { dueAt: Date; id: string } | null,
  ): Promise<Application[]> {
    const query = this.applications
      .createQueryBuilder('application')
      .leftJoinAndSelect('application.competentAgency', 'competentAgency')
      .where(CLOCK_RUNS_HERE)
      .andWhere('application.due_at IS NOT NULL AND application.due_at <= :dueBy', { dueBy: dueBy.getTime() })
      .andWhere('(application.imported_at IS NULL OR application.due_at >= application.imported_at)')
      // The running-files index's order (due_at NULLS FIRST, id; no nulls here), a page at a time.
      .orderBy('application.due_at', 'ASC', 'NULLS FIRST')
      .addOrderBy('application.id', 'ASC')
      // LIMIT, not take(): with a join, take() wraps the query in a DISTINCT over every matching file,
      // sorted again for each page (at 1,000,000 files, a scan of minutes). The join is many-to-one.
      .limit(limit);
    if (after) afterInDueOrder(query, { dueAt: after.dueAt.getTime(), id: after.id });
    return query.getMany();
  }

  public activeSupervisors(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({
      where: { role: 'supervisor', active: true },
      relations: { agency: true },
      order: { email: 'ASC' },
    });
  }

  /** Each agency's parent: the tree is small (a province has a few hundred agencies). */
  public async agencyParents(): Promise<Map<string, string | null>> {
    const rows = await this.dataSource.getRepository(Agency).find({ select: { id: true, parentId: true } });
    return new Map(rows.map((agency) => [agency.id, agency.parentId]));
  }

  /**
   * A week's counts for the agencies given (by competent agency): received and decided in the week,
   * decided on time, and open files past their due time at `now`.
   */
  public async weeklyCounts(
    agencyIds: string[],
    startsAt: Date,
    endsAt: Date,
    now: Date,
  ): Promise<WeeklyCounts> {
    const ids = agencyIds.length > 0 ? agencyIds : [''];
    const window = { startsAt: startsAt.getTime(), endsAt: endsAt.getTime() };
    const base = () =>
      this.applications
        .createQueryBuilder('application')
        .where('application.competent_agency_id IN (:...ids)', { ids });
    const [received, decided, onTime, overdue] = await Promise.all([
      base()
        .andWhere('application.received_at >= :startsAt AND application.received_at < :endsAt', window)
        .getCount(),
      base()
        .andWhere('application.decided_at >= :startsAt AND application.decided_at < :endsAt', window)
        .getCount(),
      base()
        .andWhere('application.decided_at >= :startsAt AND application.decided_at < :endsAt', window)
        .andWhere('application.decided_at <= application.due_at')
        .getCount(),
      base()
        .andWhere(CLOCK_RUNS_HERE)
        .andWhere('application.due_at < :now', { now: now.getTime() })
        .getCount(),
    ]);
    return { received, decided, onTime, overdue };
  }
}
