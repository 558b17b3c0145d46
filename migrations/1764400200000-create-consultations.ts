import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { agencyForeignKey, idColumn, referenceColumn, textColumn, timestampColumn } from './columns';

/** The agencies asked for their opinion on a file, and their answers (docs/applications.md, "Consultations"). */
export class CreateConsultations1764400200000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'consultations',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          referenceColumn('agency_id'),
          referenceColumn('asked_by'),
          textColumn('question'),
          timestampColumn('asked_at'),
          timestampColumn('answer_due_at'),
          timestampColumn('answered_at', true),
          referenceColumn('answered_by', true),
          textColumn('opinion', true),
        ],
        foreignKeys: [agencyForeignKey('agency_id')],
        indices: [
          { name: 'IDX_consultations_application', columnNames: ['application_id', 'asked_at'] },
          { name: 'IDX_consultations_agency_open', columnNames: ['agency_id', 'answered_at'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('consultations');
  }
}
