import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

export interface MailSinkAttachment {
  /** As the sender named it; only ever shown, never used as a path. */
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  storageKey: string;
}

/** A message caught by the development SMTP sink, kept so administrators can read what was sent. */
@Entity('mail_sink_messages')
@Index('IDX_mail_sink_messages_received', ['receivedAt'])
export class MailSinkMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @TimestampColumn({ name: 'received_at' })
  public receivedAt!: Date;

  @Column({ name: 'mail_from', type: 'varchar', length: 320, nullable: true })
  public mailFrom!: string | null;

  @Column({ type: 'simple-json' })
  public recipients!: string[];

  @Column({ type: 'varchar', length: 500 })
  public subject!: string;

  @SealedTextColumn({ name: 'text_body', nullable: true })
  public textBody!: string | null;

  @SealedTextColumn({ name: 'html_body', nullable: true })
  public htmlBody!: string | null;

  /** The files the message carried, kept in the file store under `storageKey`. */
  @Column({ type: 'simple-json', nullable: true })
  public attachments!: MailSinkAttachment[] | null;
}
