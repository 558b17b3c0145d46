import type { QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { varcharColumn } from './columns';

/** PostgreSQL changes a varchar's length in place; TypeORM would drop and re-add the column. */
export async function resizeVarchar(
  runner: QueryRunner,
  table: string,
  column: string,
  length: number,
  nullable: boolean,
): Promise<void> {
  if (runner.connection.options.type === 'postgres') {
    await runner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE varchar(${length})`);
  } else {
    await runner.changeColumn(table, column, new TableColumn(varcharColumn(column, length, nullable)));
  }
}
