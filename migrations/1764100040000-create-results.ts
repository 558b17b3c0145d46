import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

export class CreateResults1764100040000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'results',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          varcharColumn('code', 48),
          varcharColumn('kind', 16),
          varcharColumn('sha256', 64),
          integerColumn('size_bytes'),
          varcharColumn('storage_key', 100),
          varcharColumn('signer', 255),
          timestampColumn('signed_at'),
        ],
        indices: [
          { name: 'IDX_results_application', columnNames: ['application_id'], isUnique: true },
          { name: 'IDX_results_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_results_sha256', columnNames: ['sha256'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('results');
  }
}
