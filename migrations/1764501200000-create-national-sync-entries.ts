import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/** The files' status changes to be synchronised to the national public-service portal (docs/integrations.md). */
export class CreateNationalSyncEntries1764501200000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'national_sync_entries',
        columns: [
          { ...referenceColumn('event_id'), isPrimary: true },
          referenceColumn('application_id'),
          integerColumn('sequence'),
          varcharColumn('to_state', 24),
          timestampColumn('event_at'),
          varcharColumn('state', 16),
          integerColumn('attempts'),
          timestampColumn('next_attempt_at', true),
          timestampColumn('dossier_accepted_at', true),
          varcharColumn('last_error', 200, true),
          timestampColumn('created_at'),
          timestampColumn('accepted_at', true),
        ],
        indices: [
          {
            name: 'IDX_national_sync_entries_file',
            columnNames: ['application_id', 'sequence'],
            isUnique: true,
          },
          { name: 'IDX_national_sync_entries_state', columnNames: ['state', 'application_id'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('national_sync_entries');
  }
}
