import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, textColumn, timestampColumn, varcharColumn } from './columns';

export class CreateIdempotencyRecords1764100060000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          { ...varcharColumn('id', 64), isPrimary: true },
          varcharColumn('request_hash', 64),
          { ...integerColumn('status_code'), isNullable: true },
          textColumn('response_body', true),
          timestampColumn('created_at'),
        ],
        indices: [{ name: 'IDX_idempotency_records_created', columnNames: ['created_at'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_records');
  }
}
