import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { JsonObject } from './job-run.entity';
import { TimestampColumn } from './timestamp.column';

export type AuditEventType =
  | 'sign_in_succeeded'
  | 'sign_in_failed'
  | 'account_locked'
  | 'refresh_token_reused'
  | 'signed_out'
  | 'citizen_registered'
  | 'citizen_linked_by_oidc'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset'
  | 'email_verified'
  | 'staff_created'
  | 'role_changed'
  | 'agency_changed'
  | 'account_deactivated'
  | 'account_reactivated'
  | 'application_anonymised'
  | 'feedback_texts_cleared'
  | 'calendar_schedule_loaded'
  | 'draft_removed'
  | 'payment_notice_refused'
  | 'partner_call';

/** One security-relevant event. Rows are only ever inserted: the database refuses updates and deletes. */
@Entity('audit_events')
@Index('IDX_audit_events_at', ['at'])
@Index('IDX_audit_events_type', ['type'])
@Index('IDX_audit_events_subject', ['subjectId'])
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @TimestampColumn({ name: 'at' })
  public at!: Date;

  @Column({ type: 'varchar', length: 48 })
  public type!: AuditEventType;

  /** Who did it; null for an anonymous caller. */
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  public actorId!: string | null;

  /** Whose account it concerns; null when no account matched. */
  @Column({ name: 'subject_id', type: 'varchar', length: 36, nullable: true })
  public subjectId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  public ip!: string | null;

  @Column({ type: 'simple-json' })
  public details!: JsonObject;
}
