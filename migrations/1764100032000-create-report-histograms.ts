import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, varcharColumn } from './columns';

export class CreateReportHistograms1764100032000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_histograms',
        columns: [
          { ...varcharColumn('grain', 5), isPrimary: true },
          { ...varcharColumn('period', 10), isPrimary: true },
          { ...referenceColumn('agency_id'), isPrimary: true },
          { ...referenceColumn('procedure_id'), isPrimary: true },
          { ...varcharColumn('channel', 8), isPrimary: true },
          { ...varcharColumn('metric', 24), isPrimary: true },
          { ...integerColumn('bucket'), isPrimary: true },
          integerColumn('count'),
        ],
        indices: [{ name: 'IDX_report_histograms_agency', columnNames: ['agency_id', 'grain', 'period'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_histograms');
  }
}
