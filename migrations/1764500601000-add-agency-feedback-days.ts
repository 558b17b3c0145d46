import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/** The working days an agency takes to answer feedback; null follows FEEDBACK_DAYS (docs/feedback.md). */
export class AddAgencyFeedbackDays1764500601000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'agencies',
      new TableColumn({ name: 'feedback_days', type: 'integer', isNullable: true }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('agencies', 'feedback_days');
  }
}
