import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_WORKLOAD = 'IDX_applications_open_workload';
/** Open files: neither drafts nor finished (docs/metrics.md, "Workload"). */
const OPEN = `"state" NOT IN ('draft', 'returned', 'refused', 'withdrawn')`;

/**
 * The supervisor's workload (docs/metrics.md, "Workload"): the open files of some competent agencies,
 * counted per holder, step and holding agency. The index holds the open files alone with every column
 * the count reads, so it is read without the table and never walks the finished files.
 */
export class IndexOpenWorkload1764501200000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "${OPEN_WORKLOAD}" ON "applications" ("competent_agency_id", "assignee_id", "step_id", "step_agency_id", "due_at", "state") WHERE ${OPEN}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${OPEN_WORKLOAD}"`);
  }
}
