import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ObjectLiteral } from 'typeorm';

import { hashNationalId } from '@onegate/config';
import {
  Agency,
  Application,
  ApplicationEvent,
  ApplicationRating,
  bulkInsert,
  EntityRows,
  inSlices,
  Procedure,
  User,
} from '@onegate/persistence';

import { copyRows } from './copy-rows';
import type { EventLoopTurns } from './event-loop-turns';
import type { ReplayedApplication } from './import-replay';

/** Rows written or encoded between two chances for other requests to run. */
const SLICE_ROWS = 250;

/** The import's reads (catalogue, existing codes, citizen accounts) and its bulk writes. */
@Injectable()
export class ImportRepository {
  private readonly applications: EntityRows<Application>;
  private readonly events: EntityRows<ApplicationEvent>;
  private readonly ratings: EntityRows<ApplicationRating>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.applications = new EntityRows(dataSource, Application);
    this.events = new EntityRows(dataSource, ApplicationEvent);
    this.ratings = new EntityRows(dataSource, ApplicationRating);
  }

  /**
   * How many batches may still be being written while the next one is read and replayed. PostgreSQL
   * gives each its own connection; SQLite has one, on which a read would see the open transaction.
   */
  public get writesWhileReading(): number {
    return this.isPostgres ? 2 : 0;
  }

  public async catalogue(): Promise<{ procedures: Procedure[]; agencies: Agency[] }> {
    const [procedures, agencies] = await Promise.all([
      this.dataSource.getRepository(Procedure).find(),
      this.dataSource.getRepository(Agency).find(),
    ]);
    return { procedures, agencies };
  }

  /** Which of these receipt codes are already in OneGate. */
  public async existingCodes(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    if (this.isPostgres) {
      const found: { code: string }[] = await this.dataSource.query(
        'SELECT code FROM applications WHERE code = ANY($1::varchar[])',
        [codes],
      );
      return new Set(found.map((row) => row.code));
    }
    const rows = await this.dataSource
      .getRepository(Application)
      .find({ select: { code: true }, where: { code: In([...codes]) } });
    return new Set(rows.map((row) => row.code!));
  }

  /** Citizen accounts by national ID (found by its keyed hash: the number itself is stored encrypted). */
  public async citizensByNationalId(
    nationalIds: readonly string[],
  ): Promise<Map<string, Pick<User, 'id' | 'email'>>> {
    if (nationalIds.length === 0) return new Map();
    const byHash = new Map(nationalIds.map((nationalId) => [hashNationalId(nationalId), nationalId]));
    const users: Pick<User, 'id' | 'email' | 'nationalIdHash'>[] = this.isPostgres
      ? (
          await this.dataSource.query<{ id: string; email: string; national_id_hash: string }[]>(
            `SELECT id, email, national_id_hash FROM users WHERE national_id_hash = ANY($1::varchar[]) AND role = 'citizen'`,
            [[...byHash.keys()]],
          )
        ).map((row) => ({ id: row.id, email: row.email, nationalIdHash: row.national_id_hash }))
      : await this.dataSource.getRepository(User).find({
          select: { id: true, email: true, nationalIdHash: true },
          where: { nationalIdHash: In([...byHash.keys()]), role: 'citizen' },
        });
    return new Map(
      users.map((user) => [byHash.get(user.nationalIdHash!)!, { id: user.id, email: user.email }]),
    );
  }

  /**
   * Writes applications, their events and ratings, and raises the receipt sequences their codes use.
   * Row values come from the entities through TypeORM's column metadata (EntityRows). PostgreSQL
   * receives the rows by COPY, SQLite by multi-row inserts.
   */
  public async insert(
    manager: EntityManager,
    replayed: readonly ReplayedApplication[],
    turns: EventLoopTurns,
  ): Promise<void> {
    const applications = replayed.map(({ application }) => application);
    const events = replayed.flatMap(({ events }) => events);
    const ratings = replayed.flatMap(({ rating }) => (rating ? [rating] : []));
    const share = () => turns.share();
    if (this.isPostgres) {
      const client = (await manager.queryRunner!.connect()) as PoolClient;
      await this.copy(client, this.applications, applications, share);
      await this.copy(client, this.events, events, share);
      await this.copy(client, this.ratings, ratings, share);
    } else {
      await inSlices(applications, SLICE_ROWS, share, (slice) => this.applications.insert(manager, slice));
      await inSlices(events, SLICE_ROWS, share, (slice) => this.events.insert(manager, slice));
      await inSlices(ratings, SLICE_ROWS, share, (slice) => this.ratings.insert(manager, slice));
    }
    await bulkInsert(manager, {
      table: 'receipt_sequences',
      columns: [
        { name: 'agency_id', pgType: 'varchar' },
        { name: 'local_date', pgType: 'varchar' },
        { name: 'last_number', pgType: 'integer' },
      ],
      rows: highestReceiptNumbers(replayed),
      onConflict:
        '(agency_id, local_date) DO UPDATE SET last_number = CASE WHEN excluded.last_number > receipt_sequences.last_number THEN excluded.last_number ELSE receipt_sequences.last_number END',
    });
  }

  /** The rows are encoded a slice at a time, then sent in one COPY. */
  private async copy<Entity extends ObjectLiteral>(
    client: PoolClient,
    rows: EntityRows<Entity>,
    entities: readonly Entity[],
    share: () => Promise<void>,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    await inSlices(entities, SLICE_ROWS, share, async (slice) => {
      chunks.push(Buffer.from(rows.copyText(slice), 'utf8'));
    });
    await copyRows(client, rows.table, rows.columnNames, chunks);
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }
}

function highestReceiptNumbers(replayed: readonly ReplayedApplication[]): unknown[][] {
  const highest = new Map<string, [string, string, number]>();
  for (const { receiptNumber } of replayed) {
    if (!receiptNumber) continue;
    const key = `${receiptNumber.agencyId}|${receiptNumber.localDate}`;
    const current = highest.get(key);
    if (!current || current[2] < receiptNumber.number) {
      highest.set(key, [receiptNumber.agencyId, receiptNumber.localDate, receiptNumber.number]);
    }
  }
  return [...highest.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
}
