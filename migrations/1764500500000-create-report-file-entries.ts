import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { referenceColumn, timestampColumn, varcharColumn } from './columns';

/** The order of a list (newest first, read backwards), after its figure. */
const LIST_ORDER = ['figure', 'local_date', 'at', 'application_id'];
/** The other columns a page reads and filters on, so that it reads the index alone. */
const COVERED = ['until_date', 'procedure_id', 'channel'];

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
            columnNames: [...LIST_ORDER, 'agency_id', ...COVERED],
          },
          {
            name: 'IDX_report_file_entries_agency',
            columnNames: ['figure', 'agency_id', ...LIST_ORDER.slice(1), ...COVERED],
          },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_file_entries');
  }
}
