import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { ObjectLiteral } from 'typeorm';

import { bulkInsert } from '../bulk-insert';
import { copyRows } from '../copy-rows';
import {
  Application,
  ApplicationEvent,
  ApplicationRating,
  Attachment,
  Consultation,
  Feedback,
  IssuedResult,
} from '../entities';
import { EntityRows } from '../entity-rows';
import { inSlices } from '../in-slices';

/** Rows written or encoded between two chances for other requests to run. */
const SLICE_ROWS = 250;

/** The rows of one file whose whole history is written at once (the historical import). */
export interface HistoryRowsOfFile {
  application: Application;
  events: ApplicationEvent[];
  rating: ApplicationRating | null;
  /** The consultations its `consult` events opened, answered or not (docs/applications.md, "Consultations"). */
  consultations?: Consultation[];
  /** Its documents, as metadata without a stored copy (docs/documents.md, "Where a document came from"). */
  attachments?: Attachment[];
  /** Its electronic result, as metadata without a stored copy (docs/metrics.md, "Historical import"). */
  results?: IssuedResult[];
  /** The feedback filed about it (docs/feedback.md, "Imported feedback"). */
  feedback?: Feedback[];
  /** The receipt number the code uses, so later receptions that day never reuse it. */
  receiptNumber: { agencyId: string; localDate: string; number: number } | null;
}

/**
 * Writes whole histories in bulk: files, their events and ratings, and raises the receipt sequences
 * their codes use. Row values come from the entities through TypeORM's column metadata (EntityRows).
 * PostgreSQL receives the rows by COPY, SQLite by multi-row inserts.
 */
@Injectable()
export class HistoryRows {
  private readonly applications: EntityRows<Application>;
  private readonly events: EntityRows<ApplicationEvent>;
  private readonly ratings: EntityRows<ApplicationRating>;
  private readonly consultations: EntityRows<Consultation>;
  private readonly attachments: EntityRows<Attachment>;
  private readonly feedback: EntityRows<Feedback>;
  private readonly results: EntityRows<IssuedResult>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.applications = new EntityRows(dataSource, Application);
    this.events = new EntityRows(dataSource, ApplicationEvent);
    this.ratings = new EntityRows(dataSource, ApplicationRating);
    this.consultations = new EntityRows(dataSource, Consultation);
    this.attachments = new EntityRows(dataSource, Attachment);
    this.feedback = new EntityRows(dataSource, Feedback);
    this.results = new EntityRows(dataSource, IssuedResult);
  }

  /** `share` is awaited between slices, so that other requests run meanwhile. */
  public async insert(
    manager: EntityManager,
    files: readonly HistoryRowsOfFile[],
    share: () => Promise<void>,
  ): Promise<void> {
    const applications = files.map(({ application }) => application);
    const events = files.flatMap(({ events }) => events);
    const ratings = files.flatMap(({ rating }) => (rating ? [rating] : []));
    const consultations = files.flatMap((file) => file.consultations ?? []);
    const attachments = files.flatMap((file) => file.attachments ?? []);
    const feedback = files.flatMap((file) => file.feedback ?? []);
    const results = files.flatMap((file) => file.results ?? []);
    if (this.dataSource.options.type === 'postgres') {
      const client = (await manager.queryRunner!.connect()) as PoolClient;
      await this.copy(client, this.applications, applications, share);
      await this.copy(client, this.events, events, share);
      await this.copy(client, this.ratings, ratings, share);
      await this.copy(client, this.consultations, consultations, share);
      await this.copy(client, this.attachments, attachments, share);
      await this.copy(client, this.feedback, feedback, share);
      await this.copy(client, this.results, results, share);
    } else {
      await inSlices(applications, SLICE_ROWS, share, (slice) => this.applications.insert(manager, slice));
      await inSlices(events, SLICE_ROWS, share, (slice) => this.events.insert(manager, slice));
      await inSlices(ratings, SLICE_ROWS, share, (slice) => this.ratings.insert(manager, slice));
      await inSlices(consultations, SLICE_ROWS, share, (slice) => this.consultations.insert(manager, slice));
      await inSlices(attachments, SLICE_ROWS, share, (slice) => this.attachments.insert(manager, slice));
      await inSlices(feedback, SLICE_ROWS, share, (slice) => this.feedback.insert(manager, slice));
      await inSlices(results, SLICE_ROWS, share, (slice) => this.results.insert(manager, slice));
    }
    await bulkInsert(manager, {
      table: 'receipt_sequences',
      columns: [
        { name: 'agency_id', pgType: 'varchar' },
        { name: 'local_date', pgType: 'varchar' },
        { name: 'last_number', pgType: 'integer' },
      ],
      rows: highestReceiptNumbers(files),
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
}

function highestReceiptNumbers(files: readonly HistoryRowsOfFile[]): unknown[][] {
  const highest = new Map<string, [string, string, number]>();
  for (const { receiptNumber } of files) {
    if (!receiptNumber) continue;
    const key = `${receiptNumber.agencyId}|${receiptNumber.localDate}`;
    const current = highest.get(key);
    if (!current || current[2] < receiptNumber.number) {
      highest.set(key, [receiptNumber.agencyId, receiptNumber.localDate, receiptNumber.number]);
    }
  }
  return [...highest.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
}
