import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableIndex } from 'typeorm';

const NAME = 'IDX_applications_running_due';
const RUNNING = `"state" IN ('received', 'in_progress')`;

/**
 * The deadline scan pages through the files whose clock runs, soonest due first. In the queue's index
 * it walked every file due by its horizon, closed ones included: at national scale, nearly all of them,
 * every quarter of an hour. This index holds the running files only, in the scan's order (on
 * PostgreSQL NULLS FIRST, as the scan sorts).
 */
export class IndexRunningFilesByDueTime1764200002000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE INDEX "${NAME}" ON "applications" ("due_at" ASC NULLS FIRST, "id" ASC) WHERE ${RUNNING}`,
      );
    } else {
      await queryRunner.createIndex(
        'applications',
        new TableIndex({ name: NAME, columnNames: ['due_at', 'id'], where: RUNNING }),
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', NAME);
  }
}
