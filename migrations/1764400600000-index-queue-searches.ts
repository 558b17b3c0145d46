import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE_PREFIX = 'IDX_applications_code_prefix';
const SEARCH_NAME = 'IDX_applications_search_name';
const HOLDER_QUEUE = 'IDX_applications_holder_queue';
const PROCEDURE_QUEUE = 'IDX_applications_procedure_queue';
const OPEN_QUEUE = 'IDX_applications_open_queue';
/** The files the queue shows unless finished files are asked for (docs/applications.md). */
const OPEN = `"state" NOT IN ('draft', 'returned', 'refused', 'withdrawn')`;

/**
 * The staff queue's search and holder filter (docs/applications.md, "Finding a file in the queue";
 * docs/performance.md, "Queue search"). Without these, each search read every file of the clerk's
 * agencies, a sixth of the province at the benchmark's scale.
 *
 * - Receipt codes by their beginning (`code LIKE 'QN-HL-2612%'`): a plain index only serves LIKE under
 *   the C collation, so PostgreSQL gets one in pattern order (`varchar_pattern_ops`), and SQLite one
 *   without case (`NOCASE`), the collation its case-blind LIKE can search.
 * - Words anywhere in the folded applicant name (`LIKE '%word%'`): on PostgreSQL a trigram index
 *   (pg_trgm, shipped with PostgreSQL; creating it needs the database owner's rights). SQLite has no
 *   such index and still reads the agency's files.
 * - The files a clerk holds (holder=me), and one procedure's open files (procedure=), soonest due
 *   first: in the queue's own order, the first page stops after its files instead of walking the queue.
 * - The open files alone in the queue's order: the queue leaves finished files out by default, and in
 *   the order of all files the withdrawn ones (no due time, so first) came before any open one.
 */
export class IndexQueueSearches1764400600000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await queryRunner.query(`CREATE INDEX "${CODE_PREFIX}" ON "applications" ("code" varchar_pattern_ops)`);
      await queryRunner.query(
        `CREATE INDEX "${SEARCH_NAME}" ON "applications" USING gin ("applicant_search_name" gin_trgm_ops)`,
      );
      await queryRunner.query(
        `CREATE INDEX "${HOLDER_QUEUE}" ON "applications" ("assignee_id", "due_at" ASC NULLS FIRST, "id" ASC)`,
      );
      await queryRunner.query(
        `CREATE INDEX "${PROCEDURE_QUEUE}" ON "applications" ("procedure_id", "due_at" ASC NULLS FIRST, "id" ASC) WHERE ${OPEN}`,
      );
      await queryRunner.query(
        `CREATE INDEX "${OPEN_QUEUE}" ON "applications" ("due_at" ASC NULLS FIRST, "id" ASC) WHERE ${OPEN}`,
      );
    } else {
      await queryRunner.query(`CREATE INDEX "${CODE_PREFIX}" ON "applications" ("code" COLLATE NOCASE)`);
      await queryRunner.query(
        `CREATE INDEX "${HOLDER_QUEUE}" ON "applications" ("assignee_id", "due_at", "id")`,
      );
      await queryRunner.query(
        `CREATE INDEX "${PROCEDURE_QUEUE}" ON "applications" ("procedure_id", "due_at", "id") WHERE ${OPEN}`,
      );
      await queryRunner.query(
        `CREATE INDEX "${OPEN_QUEUE}" ON "applications" ("due_at", "id") WHERE ${OPEN}`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${OPEN_QUEUE}"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${PROCEDURE_QUEUE}"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${HOLDER_QUEUE}"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${SEARCH_NAME}"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${CODE_PREFIX}"`);
  }
}
