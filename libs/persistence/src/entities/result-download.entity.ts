import { Column, Entity, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';

/**
 * The first time an application's owner downloaded its signed result. Kept beside the event list:
 * a download is not an action of the state table, so it is no event.
 */
@Entity('result_downloads')
export class ResultDownload {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  public applicationId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  public userId!: string;

  @TimestampColumn({ name: 'downloaded_at' })
  public downloadedAt!: Date;
}
