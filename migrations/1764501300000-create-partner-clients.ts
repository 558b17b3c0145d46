import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, textColumn, timestampColumn, varcharColumn } from './columns';

/** Partner API clients: their scopes, agencies and hashed secrets (docs/partner-clients.md). */
export class CreatePartnerClients1764501300000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'partner_clients',
        columns: [
          idColumn(),
          varcharColumn('name', 200),
          textColumn('scopes'),
          textColumn('agency_ids'),
          varcharColumn('secret_hash', 64),
          varcharColumn('previous_secret_hash', 64, true),
          timestampColumn('previous_secret_until', true),
          timestampColumn('disabled_at', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('partner_clients');
  }
}
