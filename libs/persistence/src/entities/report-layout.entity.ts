import { Column, Entity, PrimaryColumn } from 'typeorm';

import { bigintNumber } from './timestamp.column';

/**
 * The layout the report rollups are in (one row, id 1): a worker that knows a newer one rebuilds them
 * once at start (docs/operations.md, "Rollup layout").
 */
@Entity('report_layout')
export class ReportLayout {
  @PrimaryColumn({ type: 'integer' })
  public id!: number;

  @Column({ type: 'integer' })
  public version!: number;

  /** When the last rebuild recorded this version (epoch milliseconds); null before any. */
  @Column({ name: 'rebuilt_at', type: 'bigint', nullable: true, transformer: bigintNumber })
  public rebuiltAt!: number | null;
}
