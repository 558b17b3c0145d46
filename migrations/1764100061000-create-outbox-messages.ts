import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, textColumn, timestampColumn, varcharColumn } from './columns';

export class CreateOutboxMessages1764100061000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          idColumn(),
          varcharColumn('job_name', 64),
          varcharColumn('job_id', 200),
          textColumn('payload'),
          timestampColumn('run_at', true),
          timestampColumn('created_at'),
          timestampColumn('dispatched_at', true),
        ],
        indices: [{ name: 'IDX_outbox_messages_pending', columnNames: ['dispatched_at', 'created_at'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_messages');
  }
}
