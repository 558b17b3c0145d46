import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn } from './columns';

/** The document number of each signed result, unique per agency and year (docs/documents.md). */
export class CreateResultNumbers1764300600000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'result_numbers',
        columns: [
          { ...referenceColumn('application_id'), isPrimary: true },
          referenceColumn('agency_id'),
          integerColumn('year'),
          integerColumn('number'),
        ],
        indices: [
          {
            name: 'IDX_result_numbers_agency_year_number',
            columnNames: ['agency_id', 'year', 'number'],
            isUnique: true,
          },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('result_numbers');
  }
}
