import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';

import type { ApplicationState } from '@onegate/domain';

import { Application, ApplicationEvent, Attachment } from '../entities';
import { EntityRows } from '../entity-rows';
import { firstOrNull } from '../first-or-null';
import { pageOffset } from '../page';
import type { PageRequest } from '../page';
import { PreparedSelect } from '../prepared-select';
import { afterInDueOrder } from './due-order-cursor';
import { searchQueue } from './queue-search';

/** What a partner client's list shows of a file (docs/partner-clients.md). */
const PARTNER_COLUMNS = [
  'id',
  'code',
  'procedureId',
  'competentAgencyId',
  'receivingAgencyId',
  'state',
  'submissionChannel',
  'receivedAt',
  'dueAt',
  'decidedAt',
  'closedAt',
  'stepPosition',
  'stepAgencyId',
  'stepDueAt',
  'version',
  'createdAt',
] as const;

export interface QueueFilter {
  agencyIds: string[] | 'all';
  /** Files whose current processing step this agency holds, besides those of `agencyIds`. */
  stepAgencyId?: string;
  states?: ApplicationState[];
  procedureId?: string;
  assigneeId?: string;
  dueBefore?: Date;
  /** Only files nobody holds. */
  unassigned?: boolean;
  /** States left out (finished files, unless asked for). */
  excludedStates?: readonly ApplicationState[];
  /** Receipt codes starting with this text (matched literally). */
  codePrefix?: string;
  /** Words of the applicant's name, any accents and case: each must appear in it. */
  applicantName?: string;
  /** The keyed hash of the applicant's national ID number: the file's own hash, or its account's. */
  nationalIdHash?: string;
  /** The keyed hash of the applicant's phone number in E.164 form. */
  phoneHash?: string;
  /** Waiting for the citizen: a supplement asked for, or a fee due and unpaid (docs/applications.md). */
  waitingForCitizen?: boolean;
  /** Files of these agencies (competent or receiving) that no person holds. */
  agencyUnheld?: string[];
  /** Files at this position of their procedure's process. */
  stepPosition?: number;
  /** Files whose current step this unit holds and no named person holds. */
  stepUnit?: { agencyId: string; role: string };
  /** Keyset cursor: the (dueAt, id) of the last row of the previous page. */
  after?: { dueAt: number | null; id: string };
  limit: number;
}

// The competent agency is the one that acts; the procedure's own agency is not read with an application.
const RELATIONS = { procedure: true, competentAgency: true, receivingAgency: true } as const;

@Injectable()
export class ApplicationRepository {
  private readonly applications: Repository<Application>;
  private readonly rows: EntityRows<Application>;
  private readonly eventRows: EntityRows<ApplicationEvent>;
  // Find options rather than findOne(): with joins, findOne's LIMIT makes TypeORM first query the
  // distinct ids, a second round trip; the joins are many-to-one, so a unique key gives one row.
  private readonly byId: PreparedSelect<Application, 'id'>;
  private readonly eventsById: PreparedSelect<ApplicationEvent, 'applicationId'>;
  private readonly attachmentsById: PreparedSelect<Attachment, 'applicationId'>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.applications = dataSource.getRepository(Application);
    this.rows = new EntityRows(dataSource, Application);
    this.eventRows = new EntityRows(dataSource, ApplicationEvent);
    this.byId = PreparedSelect.find(dataSource, Application, ['id'], ({ id }) => ({
      where: { id },
      relations: RELATIONS,
    }));
    this.eventsById = PreparedSelect.find(
      dataSource,
      ApplicationEvent,
      ['applicationId'],
      ({ applicationId }) => ({
        where: { applicationId },
        order: { sequence: 'ASC' },
      }),
    );
    this.attachmentsById = PreparedSelect.find(
      dataSource,
      Attachment,
      ['applicationId'],
      ({ applicationId }) => ({
        where: { applicationId },
        order: { uploadedAt: 'ASC' },
      }),
    );
  }

  public findById(id: string): Promise<Application | null> {
    return this.byId.getMany({ id }).then(firstOrNull);
  }

  public findByCode(code: string): Promise<Application | null> {
    return this.applications.find({ where: { code }, relations: RELATIONS }).then(firstOrNull);
  }

  /**
   * The applicant's oldest draft of the procedure that nothing changed since its creation: no form
   * saved, no action (both raise the version), no document (an upload moves `updatedAt`).
   */
  public async findUntouchedDraft(applicantId: string, procedureId: string): Promise<Application | null> {
    const drafts = await this.applications.find({
      where: { applicantId, procedureId, state: 'draft', version: 1 },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return drafts.find((draft) => draft.updatedAt.getTime() === draft.createdAt.getTime()) ?? null;
  }

  public async insert(manager: EntityManager, application: Application): Promise<void> {
    await this.rows.insert(manager, [application]);
  }

  /** Applies changes only if nobody changed the application since `version` was read. */
  public async updateIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Partial<Application>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Application)
      // The JSON form data is too deep for TypeORM's partial-entity typing.
      .set({ ...changes, updatedAt: new Date() } as never)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Gives the file its receipt code, in a transaction that already holds its row; its version stays. */
  public async setCode(manager: EntityManager, id: string, code: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Application)
      // Named, the version column keeps its value: left out, the builder would count this as a change.
      .set({ code, version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Appends the event that follows `previous`, the application's events as read in the same
   * transaction after the change that holds its row (the version-checked update, or its insert), so
   * no other event can come between; the unique (application, sequence) index stands behind that.
   */
  public async appendEvent(
    manager: EntityManager,
    event: Omit<ApplicationEvent, 'sequence'>,
    previous: readonly ApplicationEvent[],
  ): Promise<ApplicationEvent> {
    const appended = { ...event, sequence: (previous.at(-1)?.sequence ?? 0) + 1 };
    await this.eventRows.insert(manager, [appended]);
    return appended;
  }

  public findEvent(id: string): Promise<ApplicationEvent | null> {
    return this.dataSource.getRepository(ApplicationEvent).findOneBy({ id });
  }

  /** Through `manager` to read inside its transaction. */
  public eventsOf(applicationId: string, manager?: EntityManager): Promise<ApplicationEvent[]> {
    return this.eventsById.getMany({ applicationId }, manager);
  }

  public attachmentsOf(applicationId: string): Promise<Attachment[]> {
    return this.attachmentsById.getMany({ applicationId });
  }

  public async updateDraft(id: string, version: number, changes: Partial<Application>): Promise<boolean> {
    return this.updateIfVersion(this.dataSource.manager, id, version, changes);
  }

  /**
   * Marks the application changed at `at` while it is in one of `states`, and holds its row until the
   * transaction ends, so that what the caller reads next cannot change under it. The version stays: a
   * form the applicant is editing is not out of date because a document was added.
   */
  public async touchInStates(
    manager: EntityManager,
    id: string,
    states: readonly ApplicationState[],
    at: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Application)
      .set({ updatedAt: at, version: () => 'version' })
      .where('id = :id AND state IN (:...states)', { id, states })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Holds the file's row until the transaction ends: what is derived from the file cannot change meanwhile. */
  public async hold(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Application)
      .set({ version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }

  public countDraftsOf(manager: EntityManager, applicantId: string): Promise<number> {
    return manager.getRepository(Application).countBy({ applicantId, state: 'draft' });
  }

  public listOfApplicant(applicantId: string, request: PageRequest): Promise<[Application[], number]> {
    return this.applications.findAndCount({
      where: { applicantId },
      relations: RELATIONS,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: request.pageSize,
      skip: pageOffset(request),
    });
  }

  /**
   * The sent files whose competent or receiving agency is among `agencyIds`, newest first, as a partner
   * client reads them (docs/partner-clients.md): only the columns it is shown, never the applicant's.
   */
  public async pageOfAgencies(
    agencyIds: readonly string[],
    request: PageRequest,
  ): Promise<[Application[], number]> {
    if (agencyIds.length === 0) return [[], 0];
    return this.applications
      .createQueryBuilder('application')
      .select(PARTNER_COLUMNS.map((column) => `application.${column}`))
      .leftJoin('application.procedure', 'procedure')
      .addSelect(['procedure.id', 'procedure.code'])
      .where("application.state <> 'draft'")
      .andWhere(
        new Brackets((where) =>
          where
            .where('application.competent_agency_id IN (:...agencyIds)', { agencyIds })
            .orWhere('application.receiving_agency_id IN (:...agencyIds)', { agencyIds }),
        ),
      )
      .orderBy('application.created_at', 'DESC')
      .addOrderBy('application.id', 'ASC')
      .take(request.pageSize)
      .skip(pageOffset(request))
      .getManyAndCount();
  }

  /**
   * A one-stop-shop queue, soonest due first, paged by keyset so pages stay stable while files move.
   * Its procedure and agencies carry only what a line of the queue shows (codes and names): reading
   * and parsing each row's whole procedure (form schema, documents) and agencies was most of a page's time.
   */
  public queue(filter: QueueFilter): Promise<Application[]> {
    const query = this.applications
      .createQueryBuilder('application')
      .leftJoin('application.procedure', 'procedure')
      .addSelect(['procedure.id', 'procedure.code', 'procedure.nameVi', 'procedure.nameEn'])
      .leftJoin('application.competentAgency', 'competentAgency')
      .addSelect(['competentAgency.id', 'competentAgency.code'])
      .leftJoin('application.receivingAgency', 'receivingAgency')
      .addSelect(['receivingAgency.id', 'receivingAgency.code'])
      .where("application.state <> 'draft'")
      .orderBy('application.due_at', 'ASC', 'NULLS FIRST')
      .addOrderBy('application.id', 'ASC')
      // Every join is many-to-one, so LIMIT is exact (take() would wrap the query in a DISTINCT).
      .limit(filter.limit);
    if (filter.agencyIds !== 'all') {
      const ids = filter.agencyIds.length > 0 ? filter.agencyIds : [''];
      query.andWhere(
        new Brackets((scope) =>
          scope
            .where('application.competent_agency_id IN (:...ids)', { ids })
            .orWhere('application.receiving_agency_id IN (:...ids)', { ids })
            .orWhere('application.step_agency_id = :stepAgencyId', {
              stepAgencyId: filter.stepAgencyId ?? '',
            }),
        ),
      );
    }
    if (filter.states) query.andWhere('application.state IN (:...states)', { states: filter.states });
    if (filter.procedureId)
      query.andWhere('application.procedure_id = :procedureId', { procedureId: filter.procedureId });
    if (filter.assigneeId)
      query.andWhere('application.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.dueBefore)
      query.andWhere('application.due_at <= :dueBefore', { dueBefore: filter.dueBefore.getTime() });
    searchQueue(query, filter);
    const after = filter.after;
    if (after && after.dueAt === null) {
      query.andWhere(
        new Brackets((page) =>
          page
            .where('application.due_at IS NOT NULL')
            .orWhere('(application.due_at IS NULL AND application.id > :afterId)', {
              afterId: after.id,
            }),
        ),
      );
    } else if (after && after.dueAt !== null) {
      afterInDueOrder(query, { dueAt: after.dueAt, id: after.id });
    }
    return query.getMany();
  }

  /** Gives the next receipt number of an agency for a local date; safe under concurrent receptions. */
  public async nextReceiptNumber(
    manager: EntityManager,
    agencyId: string,
    localDate: string,
  ): Promise<number> {
    const postgres = manager.connection.options.type === 'postgres';
    const [row] = (await manager.query(
      `INSERT INTO receipt_sequences (agency_id, local_date, last_number) VALUES (${postgres ? '$1, $2' : '?, ?'}, 1)
       ON CONFLICT (agency_id, local_date) DO UPDATE SET last_number = receipt_sequences.last_number + 1
       RETURNING last_number`,
      [agencyId, localDate],
    )) as [{ last_number: number }];
    return Number(row.last_number);
  }
}
