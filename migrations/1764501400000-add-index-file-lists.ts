import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The layout with the service index's file lists: the version the code of this release expects. */
const LAYOUT_WITH_INDEX_LISTS = 2;

/**
 * The service index's numerators and denominators get their file lists in `report_file_entries`
 * (docs/decision-766.md, "Drill-down"): no column changes, but the lists of a database that already
 * holds files are empty until the rollups are rebuilt, so its recorded layout stays older and the first
 * worker to start rebuilds them once (docs/operations.md, "Rollup layout"); an empty database is already
 * in the new layout.
 */
export class AddIndexFileLists1764501400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE report_layout SET version = ${LAYOUT_WITH_INDEX_LISTS}
       WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM applications)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE report_layout SET version = ${LAYOUT_WITH_INDEX_LISTS - 1} WHERE id = 1 AND version > ${LAYOUT_WITH_INDEX_LISTS - 1}`,
    );
  }
}
