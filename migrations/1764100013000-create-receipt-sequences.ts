import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, varcharColumn } from './columns';

export class CreateReceiptSequences1764100013000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'receipt_sequences',
        columns: [
          { ...referenceColumn('agency_id'), isPrimary: true },
          { ...varcharColumn('local_date', 10), isPrimary: true },
          integerColumn('last_number'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('receipt_sequences');
  }
}
