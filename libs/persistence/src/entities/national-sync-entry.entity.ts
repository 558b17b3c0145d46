import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { ApplicationState } from '@onegate/domain';

import { TimestampColumn } from './timestamp.column';

export const NATIONAL_SYNC_STATES = ['pending', 'accepted'] as const;
/** `pending` until the national portal accepted it (`accepted`); never given up (docs/integrations.md). */
export type NationalSyncState = (typeof NATIONAL_SYNC_STATES)[number];

/**
 * One status change of a file, to be told to the national public-service portal (docs/integrations.md):
 * keyed by the file's event, so the job that records it may run twice and make one entry.
 */
@Entity('national_sync_entries')
@Index('IDX_national_sync_entries_file', ['applicationId', 'sequence'], { unique: true })
@Index('IDX_national_sync_entries_state', ['state', 'applicationId'])
export class NationalSyncEntry {
  /** The id of the file's event. */
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  public eventId!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  /** The event's place in the file's story: entries are sent in this order. */
  @Column({ type: 'integer' })
  public sequence!: number;

  @Column({ name: 'to_state', type: 'varchar', length: 24 })
  public toState!: ApplicationState;

  @TimestampColumn({ name: 'event_at' })
  public eventAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  public state!: NationalSyncState;

  @Column({ type: 'integer' })
  public attempts!: number;

  /** When the next try is due, or until when a try in flight holds the entry; null once accepted. */
  @TimestampColumn({ name: 'next_attempt_at', nullable: true })
  public nextAttemptAt!: Date | null;

  /** When the portal accepted the dossier (`DongBoHoSoMC`): a retry then sends only the progress. */
  @TimestampColumn({ name: 'dossier_accepted_at', nullable: true })
  public dossierAcceptedAt!: Date | null;

  /** The last failure, without personal data: the service and the portal's code or the network error. */
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  public lastError!: string | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'accepted_at', nullable: true })
  public acceptedAt!: Date | null;
}
