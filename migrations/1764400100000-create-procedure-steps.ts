import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, integerColumn, referenceColumn, varcharColumn } from './columns';

/** Each procedure's internal process: its steps, their holders and budgets (docs/applications.md, "Process"). */
export class CreateProcedureSteps1764400100000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'procedure_steps',
        columns: [
          idColumn(),
          referenceColumn('procedure_id'),
          integerColumn('position'),
          varcharColumn('name_vi', 255),
          varcharColumn('name_en', 255),
          varcharColumn('holder_role', 16),
          referenceColumn('holder_agency_id', true),
          integerColumn('budget_hours'),
        ],
        indices: [
          { name: 'IDX_procedure_steps_position', columnNames: ['procedure_id', 'position'], isUnique: true },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('procedure_steps');
  }
}
