import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { referenceColumn, timestampColumn } from './columns';

export class CreateResultDownloads1764100041000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'result_downloads',
        columns: [
          { ...referenceColumn('application_id'), isPrimary: true },
          referenceColumn('user_id'),
          timestampColumn('downloaded_at'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('result_downloads');
  }
}
