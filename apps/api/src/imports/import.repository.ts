import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { Agency, Application, bulkInsert, Procedure, User } from '@onegate/persistence';
import type { BulkColumn } from '@onegate/persistence';

import type { ReplayedApplication } from './import-replay';

const APPLICATION_COLUMNS: readonly [keyof Application, BulkColumn][] = [
  ['id', { name: 'id', pgType: 'varchar' }],
  ['code', { name: 'code', pgType: 'varchar' }],
  ['procedureId', { name: 'procedure_id', pgType: 'varchar' }],
  ['competentAgencyId', { name: 'competent_agency_id', pgType: 'varchar' }],
  ['receivingAgencyId', { name: 'receiving_agency_id', pgType: 'varchar' }],
  ['applicantId', { name: 'applicant_id', pgType: 'varchar' }],
  ['applicantNationalId', { name: 'applicant_national_id', pgType: 'varchar' }],
  ['applicantName', { name: 'applicant_name', pgType: 'varchar' }],
  ['applicantEmail', { name: 'applicant_email', pgType: 'varchar' }],
  ['state', { name: 'state', pgType: 'varchar' }],
  ['formData', { name: 'form_data', pgType: 'text' }],
  ['submissionChannel', { name: 'submission_channel', pgType: 'varchar' }],
  ['feeVnd', { name: 'fee_vnd', pgType: 'integer' }],
  ['paid', { name: 'paid', pgType: 'boolean' }],
  ['signed', { name: 'signed', pgType: 'boolean' }],
  ['outcome', { name: 'outcome', pgType: 'varchar' }],
  ['assigneeId', { name: 'assignee_id', pgType: 'varchar' }],
  ['submittedAt', { name: 'submitted_at', pgType: 'bigint' }],
  ['receivedAt', { name: 'received_at', pgType: 'bigint' }],
  ['dueAt', { name: 'due_at', pgType: 'bigint' }],
  ['appointmentAt', { name: 'appointment_at', pgType: 'bigint' }],
  ['supplementRequestedAt', { name: 'supplement_requested_at', pgType: 'bigint' }],
  ['pausedMs', { name: 'paused_ms', pgType: 'bigint' }],
  ['decidedAt', { name: 'decided_at', pgType: 'bigint' }],
  ['closedAt', { name: 'closed_at', pgType: 'bigint' }],
  ['version', { name: 'version', pgType: 'integer' }],
  ['createdAt', { name: 'created_at', pgType: 'bigint' }],
  ['updatedAt', { name: 'updated_at', pgType: 'bigint' }],
];

const EVENT_COLUMNS: BulkColumn[] = [
  { name: 'id', pgType: 'varchar' },
  { name: 'application_id', pgType: 'varchar' },
  { name: 'sequence', pgType: 'integer' },
  { name: 'type', pgType: 'varchar' },
  { name: 'at', pgType: 'bigint' },
  { name: 'actor_id', pgType: 'varchar' },
  { name: 'actor_role', pgType: 'varchar' },
  { name: 'channel', pgType: 'varchar' },
  { name: 'from_state', pgType: 'varchar' },
  { name: 'to_state', pgType: 'varchar' },
  { name: 'note', pgType: 'text' },
  { name: 'data', pgType: 'text' },
];

const RATING_COLUMNS: BulkColumn[] = [
  { name: 'application_id', pgType: 'varchar' },
  { name: 'score', pgType: 'integer' },
  { name: 'comment', pgType: 'text' },
  { name: 'rated_at', pgType: 'bigint' },
  { name: 'rated_by', pgType: 'varchar' },
];

const stored = (value: unknown) =>
  value instanceof Date
    ? value.getTime()
    : typeof value === 'object' && value !== null
      ? JSON.stringify(value)
      : value;

/** The import's reads (catalogue, existing codes, citizen accounts) and its bulk writes. */
@Injectable()
export class ImportRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * How many batches may still be being written while the next one is read and replayed. PostgreSQL
   * gives each its own connection; SQLite has one, on which a read would see the open transaction.
   */
  public get writesWhileReading(): number {
    return this.dataSource.options.type === 'postgres' ? 2 : 0;
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
    const rows = await this.dataSource
      .getRepository(Application)
      .find({ select: { code: true }, where: { code: In([...codes]) } });
    return new Set(rows.map((row) => row.code!));
  }

  /** Citizen accounts by national ID, to link imported applicants to. */
  public async citizensByNationalId(
    nationalIds: readonly string[],
  ): Promise<Map<string, Pick<User, 'id' | 'email'>>> {
    if (nationalIds.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).find({
      select: { id: true, email: true, nationalId: true },
      where: { nationalId: In([...nationalIds]), role: 'citizen' },
    });
    return new Map(users.map((user) => [user.nationalId!, { id: user.id, email: user.email }]));
  }

  /** Writes applications, their events and ratings, and raises the receipt sequences their codes use. */
  public async insert(manager: EntityManager, replayed: readonly ReplayedApplication[]): Promise<void> {
    await bulkInsert(manager, {
      table: 'applications',
      columns: APPLICATION_COLUMNS.map(([, column]) => column),
      rows: replayed.map(({ application }) =>
        APPLICATION_COLUMNS.map(([field]) => stored(application[field])),
      ),
    });
    await bulkInsert(manager, {
      table: 'application_events',
      columns: EVENT_COLUMNS,
      rows: replayed.flatMap(({ events }) =>
        events.map((event) => [
          event.id,
          event.applicationId,
          event.sequence,
          event.type,
          event.at.getTime(),
          event.actorId,
          event.actorRole,
          event.channel,
          event.fromState,
          event.toState,
          event.note,
          JSON.stringify(event.data),
        ]),
      ),
    });
    await bulkInsert(manager, {
      table: 'application_ratings',
      columns: RATING_COLUMNS,
      rows: replayed.flatMap(({ rating }) =>
        rating
          ? [[rating.applicationId, rating.score, rating.comment, rating.ratedAt.getTime(), rating.ratedBy]]
          : [],
      ),
    });
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
