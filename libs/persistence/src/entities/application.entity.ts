import { randomUUID } from 'node:crypto';

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';

import { hashNationalId } from '@onegate/config';
import { CLOCK_RUNNING_STATES, normalizeVietnamesePhone } from '@onegate/domain';
import type { ApplicationState, Channel } from '@onegate/domain';

import { Agency } from './agency.entity';
import { NationalIdColumn } from './national-id.column';
import type { JsonObject } from './job-run.entity';
import { Procedure } from './procedure.entity';
import { toSearchText } from '../search-text';
import { SealedJsonColumn } from './sealed-json.column';
import { SealedTextColumn } from './sealed-text.column';
import { bigintNumber, TimestampColumn } from './timestamp.column';

export type Outcome = 'approved' | 'denied';

/** SQL for "the file's clock runs", on the applications table: the running-files index's predicate. */
export const CLOCK_RUNS = `state IN (${CLOCK_RUNNING_STATES.map((state) => `'${state}'`).join(', ')})`;

/** One citizen's file for one procedure (hồ sơ). Its history is in application_events. */
@Entity('applications')
@Index('IDX_applications_code', ['code'], { unique: true })
@Index('IDX_applications_applicant', ['applicantId'])
@Index('IDX_applications_competent_queue', ['competentAgencyId', 'state', 'dueAt'])
@Index('IDX_applications_receiving', ['receivingAgencyId'])
@Index('IDX_applications_step_agency', ['stepAgencyId'])
// The staff queue's order; on PostgreSQL created with NULLS FIRST (migration 1764100120000).
@Index('IDX_applications_queue_order', ['dueAt', 'id'])
@Index('IDX_applications_retention', ['procedureId', 'anonymisedAt', 'closedAt'])
// The deadline scan's files, in its order; on PostgreSQL created with NULLS FIRST (migration 1764200002000).
@Index('IDX_applications_running_due', ['dueAt', 'id'], { where: CLOCK_RUNS })
// The retention sweep's abandoned drafts, oldest change first (migration 1764200007190).
@Index('IDX_applications_drafts_by_change', ['updatedAt', 'id'], { where: `state = 'draft'` })
// The staff queue's searches by national ID number and by phone, through keyed hashes (migration 1764400500000).
@Index('IDX_applications_national_id_hash', ['applicantNationalIdHash'])
@Index('IDX_applications_phone_hash', ['applicantPhoneHash'])
// The queue's search (migration 1764400600000): codes by their beginning, in pattern order on
// PostgreSQL and without case on SQLite; words of the folded name by trigrams (PostgreSQL only).
@Index('IDX_applications_code_prefix', { synchronize: false })
@Index('IDX_applications_search_name', { synchronize: false })
// In the queue's order (on PostgreSQL due time NULLS FIRST; migration 1764400600000): the files a clerk
// holds (holder=me); open files only (not draft or finished), all of them and one procedure's.
@Index('IDX_applications_holder_queue', ['assigneeId', 'dueAt', 'id'])
@Index('IDX_applications_procedure_queue', { synchronize: false })
@Index('IDX_applications_open_queue', { synchronize: false })
export class Application {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  /** Receipt code, given at reception. */
  @Column({ type: 'varchar', length: 48, nullable: true })
  public code!: string | null;

  @Column({ name: 'procedure_id', type: 'varchar', length: 36 })
  public procedureId!: string;

  @ManyToOne(() => Procedure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id' })
  public procedure?: Procedure;

  /** The agency that decides (the procedure's); reports and queues belong to it. */
  @Column({ name: 'competent_agency_id', type: 'varchar', length: 36 })
  public competentAgencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competent_agency_id' })
  public competentAgency?: Agency;

  /** The one-stop desk that received it, which may be another agency's. */
  @Column({ name: 'receiving_agency_id', type: 'varchar', length: 36, nullable: true })
  public receivingAgencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receiving_agency_id' })
  public receivingAgency?: Agency | null;

  /** The citizen's account; null for a paper file of someone without one. */
  @Column({ name: 'applicant_id', type: 'varchar', length: 36, nullable: true })
  public applicantId!: string | null;

  /** Encrypted at rest (NationalIdColumn); compared after reading, never queried by value. */
  @NationalIdColumn({ name: 'applicant_national_id' })
  public applicantNationalId!: string;

  /** Keyed hash of applicantNationalId: the queue finds a file by it; newApplication keeps it in step. */
  @Column({ name: 'applicant_national_id_hash', type: 'varchar', length: 64, nullable: true })
  public applicantNationalIdHash!: string | null;

  /** The applicant's phone in E.164 form (`+84912345678`), sealed; null when none is known. */
  @SealedTextColumn({ name: 'applicant_phone', nullable: true, short: true })
  public applicantPhone!: string | null;

  /** Keyed hash of applicantPhone: the queue finds a file by it; newApplication keeps it in step. */
  @Column({ name: 'applicant_phone_hash', type: 'varchar', length: 64, nullable: true })
  public applicantPhoneHash!: string | null;

  @Column({ name: 'applicant_name', type: 'varchar', length: 255 })
  public applicantName!: string;

  /** applicantName folded by toSearchText, for the staff queue's search; newApplication keeps it in step. */
  @Column({ name: 'applicant_search_name', type: 'varchar', length: 255, default: '' })
  public applicantSearchName!: string;

  @Column({ name: 'applicant_email', type: 'varchar', length: 255, nullable: true })
  public applicantEmail!: string | null;

  @Column({ type: 'varchar', length: 24 })
  public state!: ApplicationState;

  /** The citizen's answers; they carry national ID numbers and addresses, so encrypted at rest. */
  @SealedJsonColumn({ name: 'form_data' })
  public formData!: JsonObject;

  /** How the file came in: `online` (submit) or `offline` (register_counter). */
  @Column({ name: 'submission_channel', type: 'varchar', length: 8 })
  public submissionChannel!: Channel;

  @Column({ name: 'fee_vnd', type: 'integer' })
  public feeVnd!: number;

  @Column({ type: 'boolean' })
  public paid!: boolean;

  @Column({ type: 'boolean' })
  public signed!: boolean;

  @Column({ type: 'varchar', length: 8, nullable: true })
  public outcome!: Outcome | null;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true })
  public assigneeId!: string | null;

  @TimestampColumn({ name: 'submitted_at', nullable: true })
  public submittedAt!: Date | null;

  @TimestampColumn({ name: 'received_at', nullable: true })
  public receivedAt!: Date | null;

  @TimestampColumn({ name: 'due_at', nullable: true })
  public dueAt!: Date | null;

  /** The latest apology letter's appointment; never changes dueAt. */
  @TimestampColumn({ name: 'appointment_at', nullable: true })
  public appointmentAt!: Date | null;

  @TimestampColumn({ name: 'supplement_requested_at', nullable: true })
  public supplementRequestedAt!: Date | null;

  /** Working time spent waiting for supplements, in milliseconds; never processing time. */
  @Column({ name: 'paused_ms', type: 'bigint', transformer: bigintNumber })
  public pausedMs!: number;

  @TimestampColumn({ name: 'decided_at', nullable: true })
  public decidedAt!: Date | null;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  public closedAt!: Date | null;

  /** The current step of the procedure's process (docs/lifecycle.md, "Processing steps"); null without steps. */
  @Column({ name: 'step_id', type: 'varchar', length: 36, nullable: true })
  public stepId!: string | null;

  @Column({ name: 'step_position', type: 'integer', nullable: true })
  public stepPosition!: number | null;

  /** The agency holding the current step: the competent one, or another for a transfer. */
  @Column({ name: 'step_agency_id', type: 'varchar', length: 36, nullable: true })
  public stepAgencyId!: string | null;

  @Column({ name: 'step_role', type: 'varchar', length: 16, nullable: true })
  public stepRole!: string | null;

  /** A named person holding the step; null: anyone of the step's unit. */
  @Column({ name: 'step_holder_id', type: 'varchar', length: 36, nullable: true })
  public stepHolderId!: string | null;

  @TimestampColumn({ name: 'step_started_at', nullable: true })
  public stepStartedAt!: Date | null;

  @TimestampColumn({ name: 'step_due_at', nullable: true })
  public stepDueAt!: Date | null;

  /** When the retention sweep removed its personal data and documents; null while it keeps them. */
  @TimestampColumn({ name: 'anonymised_at', nullable: true })
  public anonymisedAt!: Date | null;

  /** When the historical import brought the file in; null for a file that began in OneGate. */
  @TimestampColumn({ name: 'imported_at', nullable: true })
  public importedAt!: Date | null;

  @VersionColumn({ type: 'integer' })
  public version!: number;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  public updatedAt!: Date;
}

/** A new application of a procedure, before any action: a draft, unpaid unless the fee is zero. */
export function newApplication(
  procedure: Pick<Procedure, 'id' | 'agencyId' | 'feeVnd'>,
  now: Date,
  fields: Partial<Application> = {},
): Application {
  const feeVnd = fields.feeVnd ?? procedure.feeVnd;
  return {
    id: randomUUID(),
    code: null,
    procedureId: procedure.id,
    competentAgencyId: procedure.agencyId,
    receivingAgencyId: null,
    applicantId: null,
    applicantNationalId: '',
    applicantName: '',
    applicantEmail: null,
    state: 'draft',
    formData: {},
    submissionChannel: 'online',
    feeVnd,
    paid: feeVnd === 0,
    signed: false,
    outcome: null,
    assigneeId: null,
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    appointmentAt: null,
    supplementRequestedAt: null,
    pausedMs: 0,
    decidedAt: null,
    closedAt: null,
    stepId: null,
    stepPosition: null,
    stepAgencyId: null,
    stepRole: null,
    stepHolderId: null,
    stepStartedAt: null,
    stepDueAt: null,
    anonymisedAt: null,
    importedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
    applicantSearchName: toSearchText(fields.applicantName ?? ''),
    applicantNationalIdHash: fields.applicantNationalId ? hashNationalId(fields.applicantNationalId) : null,
    ...applicantPhoneOf(fields.applicantPhone),
  };
}

/** A phone number as a file keeps it: E.164 and its keyed hash, or nulls when it is not a phone number. */
export function applicantPhoneOf(
  phone: string | null | undefined,
): Pick<Application, 'applicantPhone' | 'applicantPhoneHash'> {
  const normalized = phone ? normalizeVietnamesePhone(phone) : null;
  return { applicantPhone: normalized, applicantPhoneHash: phoneLookupHash(normalized) };
}

/** The keyed hash a file's phone is found by; the text is normalised first, as any accepted shape may be typed. */
export function phoneLookupHash(phone: string | null | undefined): string | null {
  const normalized = phone ? normalizeVietnamesePhone(phone) : null;
  // The same keyed hash as national ID numbers (NATIONAL_ID_HASH_KEY), so key rotation recomputes both alike.
  return normalized ? hashNationalId(normalized) : null;
}
