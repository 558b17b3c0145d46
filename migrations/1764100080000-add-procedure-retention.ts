import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/** Days a closed file keeps its personal data and documents; null keeps them forever. */
export class AddProcedureRetention1764100080000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'procedures',
      new TableColumn({ name: 'retention_days', type: 'integer', isNullable: true }),
    );
    // Ten years, the default of new procedures too (DEFAULT_RETENTION_DAYS).
    await queryRunner.query('UPDATE procedures SET retention_days = 3650');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('procedures', 'retention_days');
  }
}
