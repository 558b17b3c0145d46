import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

export class CreatePayments1764300100000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'payments',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          varcharColumn('txn_ref', 34),
          varcharColumn('state', 16),
          integerColumn('amount_vnd'),
          timestampColumn('created_at'),
          timestampColumn('expires_at'),
          timestampColumn('settled_at', true),
          timestampColumn('paid_at', true),
          varcharColumn('transaction_no', 32, true),
          varcharColumn('bank_code', 32, true),
          varcharColumn('response_code', 8, true),
        ],
        indices: [
          { name: 'IDX_payments_application', columnNames: ['application_id'] },
          { name: 'IDX_payments_state_expiry', columnNames: ['state', 'expires_at'] },
          { name: 'IDX_payments_txn_ref', columnNames: ['txn_ref'], isUnique: true },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('payments');
  }
}
