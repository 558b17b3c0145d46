import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableIndex } from 'typeorm';

import { timestampColumn } from './columns';

/** When a closed file lost its personal data at the end of its retention; the sweep finds the rest by index. */
export class AddApplicationAnonymisedAt1764100080100 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('applications', new TableColumn(timestampColumn('anonymised_at', true)));
    await queryRunner.createIndex(
      'applications',
      new TableIndex({
        name: 'IDX_applications_retention',
        columnNames: ['procedure_id', 'anonymised_at', 'closed_at'],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', 'IDX_applications_retention');
    await queryRunner.dropColumn('applications', 'anonymised_at');
  }
}
