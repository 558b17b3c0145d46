import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { timestampColumn } from './columns';

/**
 * When a file came in through the historical import; null for files that began in OneGate. Deadline
 * alerts skip the thresholds an imported file had already crossed when it arrived.
 */
export class AddApplicationImportedAt1764200003000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('applications', new TableColumn(timestampColumn('imported_at', true)));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('applications', 'imported_at');
  }
}
