import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Language } from '@onegate/domain';

import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

/** The text-message channels: SMS, and Zalo's notification service (ZNS). */
export const TEXT_CHANNELS = ['sms', 'zns'] as const;
export type TextChannel = (typeof TEXT_CHANNELS)[number];

/**
 * `pending`: to be sent from `notBefore` on; `sending`: a worker took it (taken again after the lease);
 * `sent`: the provider accepted it; `failed`: refused for good, or out of tries.
 */
export type TextMessageStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One text message of one notification on one channel, sent once (docs/text-messages.md). */
@Entity('text_messages')
@Index('IDX_text_messages_notification_channel', ['notificationId', 'channel'], { unique: true })
@Index('IDX_text_messages_phone', ['phoneHash', 'claimedAt'])
@Index('IDX_text_messages_due', ['status', 'notBefore'])
export class TextMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'notification_id', type: 'varchar', length: 36 })
  public notificationId!: string;

  @Column({ type: 'varchar', length: 8 })
  public channel!: TextChannel;

  @Column({ type: 'varchar', length: 16 })
  public status!: TextMessageStatus;

  /** E.164, sealed at rest. */
  @SealedTextColumn({ name: 'phone', short: true })
  public phone!: string;

  /** The keyed hash of `phone`: the hourly limit counts by it. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  public phoneHash!: string;

  @SealedTextColumn({ name: 'body' })
  public body!: string;

  @Column({ type: 'varchar', length: 2 })
  public language!: Language;

  /** Tries that got no acceptance so far. */
  @Column({ type: 'integer' })
  public attempts!: number;

  /** Not sent before then: the hourly limit's or a retry's wait. */
  @TimestampColumn({ name: 'not_before' })
  public notBefore!: Date;

  /** When a worker took it to send; kept once sent, for the hourly count. */
  @TimestampColumn({ name: 'claimed_at', nullable: true })
  public claimedAt!: Date | null;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  public sentAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  public error!: string | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;
}

/** A one-time code sent to a phone number: only its keyed hash is kept (docs/text-messages.md). */
@Entity('phone_verification_codes')
@Index('IDX_phone_codes_user', ['userId', 'createdAt'])
@Index('IDX_phone_codes_phone', ['phoneHash', 'createdAt'])
export class PhoneVerificationCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  public userId!: string;

  /** The keyed hash of the number the code was sent to. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  public phoneHash!: string;

  /** The keyed hash of the code with the row's id. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  public codeHash!: string;

  /** Wrong codes typed so far. */
  @Column({ type: 'integer' })
  public attempts!: number;

  @TimestampColumn({ name: 'expires_at' })
  public expiresAt!: Date;

  @TimestampColumn({ name: 'confirmed_at', nullable: true })
  public confirmedAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;
}
