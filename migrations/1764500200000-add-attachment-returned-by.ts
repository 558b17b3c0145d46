import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/**
 * A document an agency holding a transferred step returned with the file (docs/applications.md,
 * "Transfers"): the agency, and the step's position and Vietnamese name at the time. Every earlier
 * document came from the applicant or the competent agency.
 */
export class AddAttachmentReturnedBy1764500200000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('attachments', [
      new TableColumn({ name: 'returned_by_agency_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'returned_at_step', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'returned_step_name', type: 'varchar', length: '500', isNullable: true }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('attachments', [
      'returned_step_name',
      'returned_at_step',
      'returned_by_agency_id',
    ]);
  }
}
