import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, varcharColumn } from './columns';

export class CreateReportStepRollups1764400300000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_step_rollups',
        columns: [
          { ...varcharColumn('grain', 5), isPrimary: true },
          { ...varcharColumn('period', 10), isPrimary: true },
          { ...referenceColumn('agency_id'), isPrimary: true },
          { ...referenceColumn('procedure_id'), isPrimary: true },
          { ...integerColumn('step_position'), isPrimary: true },
          { ...varcharColumn('step_name', 255), isPrimary: true },
          { ...referenceColumn('holder_agency_id'), isPrimary: true },
          { ...varcharColumn('holder_role', 16), isPrimary: true },
          integerColumn('stretches'),
          { name: 'working_ms', type: 'bigint' },
          integerColumn('late'),
          { name: 'lateness_ms', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_report_step_rollups_agency', columnNames: ['agency_id', 'grain', 'period'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_step_rollups');
  }
}
