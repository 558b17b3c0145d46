import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { referenceColumn, timestampColumn, varcharColumn } from './columns';

/**
 * The files of each figure's drill-down list (docs/metrics.md, "Drill-down"), read newest first by
 * keyset: the whole scope by figure and date, or one agency's by figure, agency and date.
 */
export class CreateReportFileEntries1764500500000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_file_entries',
        columns: [
          { ...referenceColumn('application_id'), isPrimary: true },
          { ...varcharColumn('figure', 32), isPrimary: true },
          { ...varcharColumn('local_date', 10), isPrimary: true },
          varcharColumn('until_date', 10, true),
          timestampColumn('at'),
          referenceColumn('agency_id'),
          referenceColumn('procedure_id'),
          varcharColumn('channel', 8),
        ],
        indices: [
          {
            name: 'IDX_report_file_entries_list',
            columnNames: ['figure', 'local_date', 'at', 'application_id', 'agency_id'],
          },
          {
            name: 'IDX_report_file_entries_agency',
            columnNames: ['figure', 'agency_id', 'local_date', 'at', 'application_id'],
          },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_file_entries');
  }
}
