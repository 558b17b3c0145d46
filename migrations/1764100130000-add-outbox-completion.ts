import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableIndex } from 'typeorm';

import { timestampColumn } from './columns';

const UNFINISHED = 'completed_at IS NULL AND dispatched_at IS NOT NULL';

/**
 * When a relayed job finished. The reconciler reads the relayed, unfinished messages (immediate ones by
 * relay time, delayed ones by due time) from two small partial indexes; the worker marks a message
 * completed by its job id.
 */
export class AddOutboxCompletion1764100130000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('outbox_messages', new TableColumn(timestampColumn('completed_at', true)));
    await queryRunner.createIndices('outbox_messages', [
      new TableIndex({ name: 'IDX_outbox_messages_job', columnNames: ['job_id'] }),
      new TableIndex({
        name: 'IDX_outbox_messages_unfinished',
        columnNames: ['dispatched_at', 'id'],
        where: `${UNFINISHED} AND run_at IS NULL`,
      }),
      new TableIndex({
        name: 'IDX_outbox_messages_unfinished_delayed',
        columnNames: ['run_at', 'id'],
        where: `${UNFINISHED} AND run_at IS NOT NULL`,
      }),
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'IDX_outbox_messages_unfinished_delayed',
      'IDX_outbox_messages_unfinished',
      'IDX_outbox_messages_job',
    ])
      await queryRunner.dropIndex('outbox_messages', name);
    await queryRunner.dropColumn('outbox_messages', 'completed_at');
  }
}
