import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/** When a procedure's fee is due: `at_submission` or `before_return` (docs/payments.md). */
export class AddProcedureFeeDue1764300200000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'procedures',
      new TableColumn({ name: 'fee_due', type: 'varchar', length: '16', default: "'before_return'" }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('procedures', 'fee_due');
  }
}
