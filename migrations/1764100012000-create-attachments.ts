import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

export class CreateAttachments1764100012000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          varcharColumn('document_name', 255, true),
          varcharColumn('original_name', 255),
          varcharColumn('media_type', 100),
          integerColumn('size_bytes'),
          varcharColumn('sha256', 64),
          varcharColumn('storage_key', 100),
          referenceColumn('uploaded_by', true),
          timestampColumn('uploaded_at'),
        ],
        indices: [{ name: 'IDX_attachments_application', columnNames: ['application_id'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attachments');
  }
}
