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

export class CreateProcedures1764100001000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'procedures',
        columns: [
          idColumn(),
          varcharColumn('code', 32),
          varcharColumn('name_vi', 500),
          varcharColumn('name_en', 500),
          varcharColumn('field', 128),
          referenceColumn('agency_id'),
          integerColumn('processing_hours'),
          varcharColumn('online_level', 16),
          integerColumn('fee_vnd'),
          varcharColumn('supplement_policy', 16),
          textColumn('required_documents'),
          textColumn('form_schema'),
          textColumn('result_template', true),
          textColumn('search_text'),
          timestampColumn('retired_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        indices: [
          { name: 'IDX_procedures_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_procedures_agency', columnNames: ['agency_id'] },
          { name: 'IDX_procedures_field', columnNames: ['field'] },
        ],
        foreignKeys: [agencyForeignKey('agency_id')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('procedures');
  }
}
