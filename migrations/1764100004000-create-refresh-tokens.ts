import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

export class CreateRefreshTokens1764100004000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          idColumn(),
          referenceColumn('family_id'),
          referenceColumn('user_id'),
          varcharColumn('token_hash', 64),
          varcharColumn('channel', 8),
          timestampColumn('created_at'),
          timestampColumn('expires_at'),
          timestampColumn('used_at', true),
          timestampColumn('revoked_at', true),
        ],
        indices: [
          { name: 'IDX_refresh_tokens_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'IDX_refresh_tokens_family', columnNames: ['family_id'] },
          { name: 'IDX_refresh_tokens_user', columnNames: ['user_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens');
  }
}
