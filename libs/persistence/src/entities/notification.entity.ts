import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Language, NotificationKind } from '@onegate/domain';

import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

/**
 * `none`: no e-mail to send (no address, or e-mail is off); `pending`: not sent yet; `sending`: a worker
 * took it and was sending it (if it stays so, that worker died mid-send and it is never sent again);
 * `sent`: the SMTP server accepted it; `failed`: refused, or the outcome of a send is unknown.
 */
export type EmailStatus = 'none' | 'pending' | 'sending' | 'sent' | 'failed';

/** One message to one person, stored once per notification key, shown in-app and sent by e-mail at most once. */
@Entity('notifications')
@Index('IDX_notifications_key', ['notificationKey'], { unique: true })
@Index('IDX_notifications_recipient', ['recipientUserId', 'createdAt'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  /** The account it is for; null for an applicant known only by e-mail (a counter file). */
  @Column({ name: 'recipient_user_id', type: 'varchar', length: 36, nullable: true })
  public recipientUserId!: string | null;

  @Column({ name: 'recipient_email', type: 'varchar', length: 255, nullable: true })
  public recipientEmail!: string | null;

  @Column({ type: 'varchar', length: 32 })
  public kind!: NotificationKind;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  public applicationId!: string | null;

  /** E.g. `<applicationId>:decision_made:v4` or `<applicationId>:overdue:<userId>`. */
  @Column({ name: 'notification_key', type: 'varchar', length: 160 })
  public notificationKey!: string;

  @Column({ type: 'varchar', length: 2 })
  public language!: Language;

  @Column({ type: 'varchar', length: 500 })
  public subject!: string;

  @SealedTextColumn({ name: 'text_body' })
  public textBody!: string;

  @SealedTextColumn({ name: 'html_body' })
  public htmlBody!: string;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'read_at', nullable: true })
  public readAt!: Date | null;

  @Column({ name: 'email_status', type: 'varchar', length: 16 })
  public emailStatus!: EmailStatus;

  /** When a worker took the e-mail to send it, then when the server accepted it. */
  @TimestampColumn({ name: 'email_sent_at', nullable: true })
  public emailSentAt!: Date | null;

  @Column({ name: 'email_error', type: 'varchar', length: 500, nullable: true })
  public emailError!: string | null;

  /** The form (an attachment of the application) the e-mail carries as a PDF: the same stored file on every send. */
  @Column({ name: 'attachment_id', type: 'varchar', length: 36, nullable: true })
  public attachmentId!: string | null;
}
