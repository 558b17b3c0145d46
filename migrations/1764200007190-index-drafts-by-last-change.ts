import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableIndex } from 'typeorm';

const NAME = 'IDX_applications_drafts_by_change';

/**
 * The retention sweep looks for drafts untouched since a cutoff, oldest change first. Drafts are a
 * small part of all files; this index holds them only, in the sweep's order.
 */
export class IndexDraftsByLastChange1764200007190 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'applications',
      new TableIndex({ name: NAME, columnNames: ['updated_at', 'id'], where: `"state" = 'draft'` }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', NAME);
  }
}
