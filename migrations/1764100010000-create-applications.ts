import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  agencyForeignKey,
  idColumn,
  integerColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

export class CreateApplications1764100010000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'applications',
        columns: [
          idColumn(),
          varcharColumn('code', 48, true),
          referenceColumn('procedure_id'),
          referenceColumn('competent_agency_id'),
          referenceColumn('receiving_agency_id', true),
          referenceColumn('applicant_id', true),
          varcharColumn('applicant_national_id', 12),
          varcharColumn('applicant_name', 255),
          varcharColumn('applicant_email', 255, true),
          varcharColumn('state', 24),
          textColumn('form_data'),
          varcharColumn('submission_channel', 8),
          integerColumn('fee_vnd'),
          { name: 'paid', type: 'boolean' },
          { name: 'signed', type: 'boolean' },
          varcharColumn('outcome', 8, true),
          referenceColumn('assignee_id', true),
          timestampColumn('submitted_at', true),
          timestampColumn('received_at', true),
          timestampColumn('due_at', true),
          timestampColumn('appointment_at', true),
          timestampColumn('supplement_requested_at', true),
          { name: 'paused_ms', type: 'bigint' },
          timestampColumn('decided_at', true),
          timestampColumn('closed_at', true),
          integerColumn('version'),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        indices: [
          { name: 'IDX_applications_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_applications_applicant', columnNames: ['applicant_id'] },
          {
            name: 'IDX_applications_competent_queue',
            columnNames: ['competent_agency_id', 'state', 'due_at'],
          },
          { name: 'IDX_applications_receiving', columnNames: ['receiving_agency_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['procedure_id'],
            referencedTableName: 'procedures',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
          agencyForeignKey('competent_agency_id'),
          agencyForeignKey('receiving_agency_id'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('applications');
  }
}
