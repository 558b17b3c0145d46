import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  agencyForeignKey,
  idColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

/** Citizens' feedback and petitions to an agency, and the agency's answers (docs/feedback.md). */
export class CreateFeedback1764500600000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'feedback',
        columns: [
          idColumn(),
          varcharColumn('code', 16),
          varcharColumn('kind', 16),
          referenceColumn('agency_id'),
          referenceColumn('application_id', true),
          varcharColumn('aspect', 16, true),
          referenceColumn('author_id', true),
          varcharColumn('secret_hash', 64, true),
          textColumn('subject'),
          textColumn('body'),
          textColumn('contact', true),
          timestampColumn('filed_at'),
          timestampColumn('due_at'),
          timestampColumn('answered_at', true),
          referenceColumn('answered_by', true),
          varcharColumn('answered_by_role', 16, true),
          textColumn('answer', true),
          varcharColumn('rating', 16, true),
          timestampColumn('rated_at', true),
        ],
        foreignKeys: [agencyForeignKey('agency_id')],
        indices: [
          { name: 'IDX_feedback_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_feedback_agency_due', columnNames: ['agency_id', 'due_at'] },
          { name: 'IDX_feedback_author', columnNames: ['author_id', 'filed_at'] },
          { name: 'IDX_feedback_application', columnNames: ['application_id'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feedback');
  }
}
