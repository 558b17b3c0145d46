import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableColumn } from 'typeorm';

import { idColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/**
 * E-mail verification, password reset and the forced password change (docs/identity.md, "Recovering an
 * account"). Every account that exists already counts as verified: it was made before there was
 * anything to verify.
 */
export class AddAccountRecovery1764300700000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn(timestampColumn('email_verified_at', true)),
      new TableColumn({
        name: 'password_change_due',
        type: 'boolean',
        // SQLite keeps a boolean as 0 or 1, and compares defaults written that way.
        default: queryRunner.connection.options.type === 'postgres' ? false : 0,
      }),
    ]);
    await queryRunner.query('UPDATE users SET email_verified_at = created_at');
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          idColumn(),
          referenceColumn('user_id'),
          varcharColumn('purpose', 16),
          varcharColumn('token_hash', 64),
          varcharColumn('email', 255, true),
          timestampColumn('created_at'),
          timestampColumn('expires_at'),
          timestampColumn('used_at', true),
        ],
        indices: [
          { name: 'IDX_account_tokens_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'IDX_account_tokens_user', columnNames: ['user_id'] },
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
    await queryRunner.dropTable('account_tokens');
    await queryRunner.dropColumn('users', 'password_change_due');
    await queryRunner.dropColumn('users', 'email_verified_at');
  }
}
