import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, referenceColumn, textColumn, timestampColumn, varcharColumn } from './columns';

/** A clerk's decision on one document of a file, kept as a history: the last one counts (docs/documents.md). */
export class CreateDocumentReviews1764400400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'document_reviews',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          varcharColumn('document_name', 500),
          varcharColumn('decision', 16),
          textColumn('note', true),
          referenceColumn('reviewed_by'),
          timestampColumn('reviewed_at'),
        ],
        indices: [
          { name: 'IDX_document_reviews_application', columnNames: ['application_id', 'reviewed_at'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('document_reviews');
  }
}
