import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  agencyForeignKey,
  idColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

export class CreateAgencies1764100000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'agencies',
        columns: [
          idColumn(),
          varcharColumn('code', 32),
          referenceColumn('parent_id', true),
          varcharColumn('level', 16),
          varcharColumn('name_vi', 255),
          varcharColumn('name_en', 255),
          varcharColumn('time_zone', 64),
          textColumn('office_hours'),
          timestampColumn('created_at'),
        ],
        indices: [
          { name: 'IDX_agencies_code', columnNames: ['code'], isUnique: true },
          { name: 'IDX_agencies_parent', columnNames: ['parent_id'] },
        ],
        foreignKeys: [agencyForeignKey('parent_id')],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('agencies');
  }
}
