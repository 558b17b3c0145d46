import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableIndex } from 'typeorm';

import { idColumn, integerColumn, referenceColumn, timestampColumn } from './columns';

/**
 * Electronic fee receipts (docs/payments.md, "Electronic receipts"): one per payment event, numbered
 * from 1 each year. No foreign keys: a number once given is kept even if its file is later removed.
 */
export class CreateFeeReceipts1764300201000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'fee_receipt_sequences',
        columns: [{ ...integerColumn('year'), isPrimary: true }, integerColumn('last_number')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'fee_receipts',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          referenceColumn('event_id'),
          integerColumn('year'),
          integerColumn('number'),
          integerColumn('amount_vnd'),
          timestampColumn('issued_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_fee_receipts_event', columnNames: ['event_id'], isUnique: true }),
          new TableIndex({
            name: 'IDX_fee_receipts_number',
            columnNames: ['year', 'number'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_fee_receipts_application', columnNames: ['application_id'] }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('fee_receipts');
    await queryRunner.dropTable('fee_receipt_sequences');
  }
}
