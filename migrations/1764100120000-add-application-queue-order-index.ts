import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableIndex } from 'typeorm';

const NAME = 'IDX_applications_queue_order';

/**
 * The staff queue reads files soonest due first, files without a due time (not yet received) before
 * all others, then by id. On PostgreSQL the index keeps that order (NULLS FIRST) so a page, first or
 * deep, is read straight from it; SQLite sorts nulls first anyway.
 */
export class AddApplicationQueueOrderIndex1764100120000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE INDEX "${NAME}" ON "applications" ("due_at" ASC NULLS FIRST, "id" ASC)`,
      );
    } else {
      await queryRunner.createIndex(
        'applications',
        new TableIndex({ name: NAME, columnNames: ['due_at', 'id'] }),
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', NAME);
  }
}
