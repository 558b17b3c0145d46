import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/** The order of a list (newest first, read backwards). */
const LIST_ORDER = ['local_date', 'at', 'application_id', 'stretch'];
/** The other columns a page reads and filters on, so that it reads the index alone. */
const COVERED = ['procedure_id', 'step_position', 'holder_agency_id', 'holder_role', 'late'];

/**
 * The step stretches behind the step figures (docs/metrics.md, "Drill-down from the step figures"): one
 * row per ended stretch of a file, read newest first by keyset, the whole scope or one agency's.
 */
export class CreateReportStepEntries1764500900000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_step_entries',
        columns: [
          { ...referenceColumn('application_id'), isPrimary: true },
          { ...integerColumn('stretch'), isPrimary: true },
          varcharColumn('local_date', 10),
          timestampColumn('at'),
          referenceColumn('agency_id'),
          referenceColumn('procedure_id'),
          integerColumn('step_position'),
          varcharColumn('step_name', 255),
          referenceColumn('holder_agency_id'),
          varcharColumn('holder_role', 16),
          integerColumn('late'),
          timestampColumn('working_ms'),
          timestampColumn('lateness_ms'),
        ],
        indices: [
          { name: 'IDX_report_step_entries_list', columnNames: [...LIST_ORDER, 'agency_id', ...COVERED] },
          { name: 'IDX_report_step_entries_agency', columnNames: ['agency_id', ...LIST_ORDER, ...COVERED] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_step_entries');
  }
}
