import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, textColumn, timestampColumn, varcharColumn } from './columns';

export class CreateJobRuns1764100003000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'job_runs',
        columns: [
          idColumn(),
          varcharColumn('queue', 64),
          varcharColumn('name', 64),
          varcharColumn('job_id', 128),
          textColumn('payload'),
          timestampColumn('processed_at'),
        ],
        indices: [{ name: 'IDX_job_runs_job', columnNames: ['queue', 'job_id'], isUnique: true }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_runs');
  }
}
