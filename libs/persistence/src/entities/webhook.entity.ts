import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
/** `pending` until a 2xx answer (`delivered`) or until it is given up (`failed`). */
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** Why a subscription stopped: its receiver answered 410, failed too long, or an administrator said so. */
export type WebhookDisabledReason = 'gone' | 'failing' | 'administrator';

/** A receiver that asked to be told of some events of some agencies, signed with its secret (docs/webhooks.md). */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'varchar', length: 2048 })
  public url!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  public description!: string | null;

  @Column({ name: 'event_types', type: 'simple-json' })
  public eventTypes!: string[];

  /** The agencies in scope (a file's competent agency); empty: every agency. */
  @Column({ name: 'agency_ids', type: 'simple-json' })
  public agencyIds!: string[];

  /** Whether payloads may carry the applicant's personal data. */
  @Column({ name: 'personal_data', type: 'boolean' })
  public personalData!: boolean;

  /** Whether a file's events reach this receiver one after another, in the file's order. */
  @Column({ type: 'boolean' })
  public ordered!: boolean;

  /** `whsec_…`, sealed at rest. */
  @SealedTextColumn({ name: 'secret' })
  public secret!: string;

  /** The secret before the last rotation, still signing until `previousSecretUntil`. */
  @SealedTextColumn({ name: 'previous_secret', nullable: true })
  public previousSecret!: string | null;

  @TimestampColumn({ name: 'previous_secret_until', nullable: true })
  public previousSecretUntil!: Date | null;

  /** The administrator told when the subscription is disabled. */
  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  public ownerId!: string;

  /** The first failure since the last success; null while it succeeds. */
  @TimestampColumn({ name: 'failing_since', nullable: true })
  public failingSince!: Date | null;

  @TimestampColumn({ name: 'disabled_at', nullable: true })
  public disabledAt!: Date | null;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 32, nullable: true })
  public disabledReason!: WebhookDisabledReason | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  public updatedAt!: Date;
}

/** One event for one subscription: the body, fixed once, and where its delivery stands. */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_event', ['subscriptionId', 'eventKey'], { unique: true })
@Index('IDX_webhook_deliveries_history', ['subscriptionId', 'createdAt'])
@Index('IDX_webhook_deliveries_file', ['subscriptionId', 'applicationId', 'sequence'])
export class WebhookDelivery {
  /** Sent as `webhook-id` (`msg_` and this id): the same on every attempt. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 36 })
  public subscriptionId!: string;

  /** What it reports, once per subscription: an event's id, or `ping:<id>`. */
  @Column({ name: 'event_key', type: 'varchar', length: 80 })
  public eventKey!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  public eventType!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  public applicationId!: string | null;

  /** The event's place in its file's story, for ordered subscriptions. */
  @Column({ type: 'integer', nullable: true })
  public sequence!: number | null;

  /** The JSON body exactly as sent, sealed at rest (it may carry personal data). */
  @SealedTextColumn({ name: 'payload' })
  public payload!: string;

  @Column({ type: 'varchar', length: 16 })
  public state!: WebhookDeliveryState;

  @Column({ type: 'integer' })
  public attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at', nullable: true })
  public nextAttemptAt!: Date | null;

  @Column({ name: 'last_status', type: 'integer', nullable: true })
  public lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  public lastError!: string | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  /** Where its retry window starts: its creation, or the last time an administrator sent it again. */
  @TimestampColumn({ name: 'retry_from' })
  public retryFrom!: Date;

  @TimestampColumn({ name: 'delivered_at', nullable: true })
  public deliveredAt!: Date | null;
}

/** One request of a delivery and how it ended. */
@Entity('webhook_attempts')
@Index('IDX_webhook_attempts_delivery', ['deliveryId', 'attempt'])
export class WebhookAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 36 })
  public deliveryId!: string;

  @Column({ type: 'integer' })
  public attempt!: number;

  @TimestampColumn({ name: 'at' })
  public at!: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  public durationMs!: number;

  /** The receiver's HTTP status; null when no answer came (refused target, timeout, connection error). */
  @Column({ type: 'integer', nullable: true })
  public status!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  public error!: string | null;
}
