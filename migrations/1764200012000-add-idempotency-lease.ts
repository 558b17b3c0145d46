import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { timestampColumn } from './columns';

/**
 * Until when the request answering an Idempotency-Key holds it. A key whose lease lapsed with no answer
 * was left by a process that died; a retry takes it over (null, for claims made before this column:
 * lapsed already).
 */
export class AddIdempotencyLease1764200012000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'idempotency_records',
      new TableColumn(timestampColumn('lease_expires_at', true)),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('idempotency_records', 'lease_expires_at');
  }
}
