import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableIndex } from 'typeorm';

import { integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/** A file's current processing step (docs/lifecycle.md, "Processing steps"). */
export class AddApplicationStep1764400101000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('applications', [
      new TableColumn(referenceColumn('step_id', true)),
      new TableColumn({ ...integerColumn('step_position'), isNullable: true }),
      new TableColumn(referenceColumn('step_agency_id', true)),
      new TableColumn(varcharColumn('step_role', 16, true)),
      new TableColumn(referenceColumn('step_holder_id', true)),
      new TableColumn(timestampColumn('step_started_at', true)),
      new TableColumn(timestampColumn('step_due_at', true)),
    ]);
    await queryRunner.createIndex(
      'applications',
      new TableIndex({ name: 'IDX_applications_step_agency', columnNames: ['step_agency_id'] }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', 'IDX_applications_step_agency');
    for (const column of [
      'step_due_at',
      'step_started_at',
      'step_holder_id',
      'step_role',
      'step_agency_id',
      'step_position',
      'step_id',
    ]) {
      await queryRunner.dropColumn('applications', column);
    }
  }
}
