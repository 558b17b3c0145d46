import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * The layout of the rollups this code writes and reads (docs/operations.md, "Rollup layout"). A release
 * whose rollups hold something older ones did not write raises it; a database recording an older one
 * is rebuilt once by the first worker that starts.
 */
export const ROLLUP_LAYOUT_VERSION = 2;

/** The recorded layout of the rollups (`report_layout`, one row). */
@Injectable()
export class RollupLayoutRepository {
  /** Once current, the layout stays so for this process: a version is only ever raised. */
  private current = false;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the rollups hold what this code reads; until then, figures new in the layout read live. */
  public async isCurrent(): Promise<boolean> {
    if (this.current) return true;
    this.current = (await this.versionIn(this.dataSource.manager)) >= ROLLUP_LAYOUT_VERSION;
    return this.current;
  }

  /**
   * Holds the layout's row until the caller's transaction ends, so that a second rebuild waits for the
   * first and then finds the layout current; answers the version recorded.
   */
  public async hold(manager: EntityManager): Promise<number> {
    await manager.query('UPDATE report_layout SET version = version WHERE id = 1');
    return this.versionIn(manager);
  }

  /** Records, in the rebuild's transaction, that the rollups are now in this code's layout. */
  public async recordRebuilt(manager: EntityManager, at: Date): Promise<void> {
    const postgres = manager.connection.options.type === 'postgres';
    await manager.query(
      `UPDATE report_layout SET version = ${postgres ? '$1' : '?'}, rebuilt_at = ${postgres ? '$2' : '?'} WHERE id = 1`,
      [ROLLUP_LAYOUT_VERSION, at.getTime()],
    );
  }

  private async versionIn(manager: EntityManager): Promise<number> {
    const rows = (await manager.query('SELECT version FROM report_layout WHERE id = 1')) as {
      version: number | string;
    }[];
    return rows.length === 0 ? 0 : Number(rows[0]!.version);
  }
}
