import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  idColumn,
  integerColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

export class CreateApplicationEvents1764100011000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'application_events',
        columns: [
          idColumn(),
          referenceColumn('application_id'),
          integerColumn('sequence'),
          varcharColumn('type', 24),
          timestampColumn('at'),
          referenceColumn('actor_id', true),
          varcharColumn('actor_role', 16),
          varcharColumn('channel', 8),
          varcharColumn('from_state', 24, true),
          varcharColumn('to_state', 24),
          textColumn('note', true),
          textColumn('data'),
        ],
        indices: [
          {
            name: 'IDX_application_events_application',
            columnNames: ['application_id', 'sequence'],
            isUnique: true,
          },
          { name: 'IDX_application_events_type_at', columnNames: ['type', 'at'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('application_events');
  }
}
