import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/** The agency's own result of a file, uploaded by a clerk before signing, one per file (docs/documents.md). */
export class CreateDraftedResults1764400401000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'drafted_results',
        columns: [
          { ...referenceColumn('application_id'), isPrimary: true },
          varcharColumn('original_name', 255),
          integerColumn('size_bytes'),
          varcharColumn('sha256', 64),
          varcharColumn('storage_key', 100),
          referenceColumn('uploaded_by'),
          timestampColumn('uploaded_at'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('drafted_results');
  }
}
