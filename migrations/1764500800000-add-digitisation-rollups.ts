import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableColumn } from 'typeorm';

import { integerColumn, timestampColumn } from './columns';

/** The layout these columns make: the version the code of this release expects (docs/operations.md). */
const LAYOUT_WITH_DIGITISATION = 1;

/**
 * The service index's digitisation counts (docs/decision-766.md, 4b and 4c) in `report_rollups`, and
 * the recorded layout of the rollups: a database that already holds files records layout 0, so the first
 * worker to start rebuilds the rollups once (docs/operations.md, "Rollup layout"); an empty one is
 * already in the new layout.
 */
export class AddDigitisationRollups1764500800000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('report_rollups', [
      new TableColumn({ ...integerColumn('digitised'), default: 0 }),
      new TableColumn({ ...integerColumn('reused'), default: 0 }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'report_layout',
        columns: [
          { ...integerColumn('id'), isPrimary: true },
          integerColumn('version'),
          timestampColumn('rebuilt_at', true),
        ],
      }),
    );
    const [{ files }] = (await queryRunner.query('SELECT EXISTS (SELECT 1 FROM applications) AS files')) as {
      files: boolean | number;
    }[];
    const version = files === true || Number(files) === 1 ? 0 : LAYOUT_WITH_DIGITISATION;
    await queryRunner.query(
      `INSERT INTO report_layout (id, version, rebuilt_at) VALUES (1, ${version}, NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_layout');
    await queryRunner.dropColumns('report_rollups', ['reused', 'digitised']);
  }
}
