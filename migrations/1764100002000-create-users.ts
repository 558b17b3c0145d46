import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  agencyForeignKey,
  idColumn,
  integerColumn,
  referenceColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

export class CreateUsers1764100002000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          varcharColumn('email', 255),
          varcharColumn('national_id', 12, true),
          varcharColumn('full_name', 255),
          varcharColumn('phone', 20, true),
          varcharColumn('role', 16),
          referenceColumn('agency_id', true),
          varcharColumn('password_hash', 255, true),
          varcharColumn('language', 2),
          { name: 'active', type: 'boolean' },
          integerColumn('failed_sign_ins'),
          timestampColumn('locked_until', true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
        indices: [
          { name: 'IDX_users_email', columnNames: ['email'], isUnique: true },
          { name: 'IDX_users_national_id', columnNames: ['national_id'], isUnique: true },
          { name: 'IDX_users_agency', columnNames: ['agency_id'] },
        ],
        foreignKeys: [agencyForeignKey('agency_id')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
  }
}
