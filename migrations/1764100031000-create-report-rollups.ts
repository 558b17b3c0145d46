import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, varcharColumn } from './columns';

const COUNTERS = [
  'received',
  'decided',
  'on_time',
  'extended',
  'returned',
  'fully_online',
  'refused',
  'withdrawn',
  'backlog_delta',
  'overdue_delta',
  'rating_count',
  'rating_sum',
  'satisfied',
];

export class CreateReportRollups1764100031000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_rollups',
        columns: [
          { ...varcharColumn('grain', 5), isPrimary: true },
          { ...varcharColumn('period', 10), isPrimary: true },
          { ...referenceColumn('agency_id'), isPrimary: true },
          { ...referenceColumn('procedure_id'), isPrimary: true },
          { ...varcharColumn('channel', 8), isPrimary: true },
          ...COUNTERS.map(integerColumn),
          { name: 'turnaround_ms', type: 'bigint' },
        ],
        indices: [{ name: 'IDX_report_rollups_agency', columnNames: ['agency_id', 'grain', 'period'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_rollups');
  }
}
