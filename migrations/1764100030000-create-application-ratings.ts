import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, textColumn, timestampColumn } from './columns';

export class CreateApplicationRatings1764100030000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'application_ratings',
        columns: [
          { ...referenceColumn('application_id'), isPrimary: true },
          integerColumn('score'),
          textColumn('comment', true),
          timestampColumn('rated_at'),
          referenceColumn('rated_by', true),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('application_ratings');
  }
}
