import { randomUUID } from 'node:crypto';

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { OFFICIAL_DAYS_2025_2026 } from './1764100006000-official-days-2025-2026';
import { idColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/** The day overrides administrators maintain, starting with the official 2025-2026 schedules. */
export class CreateCalendarOverrides1764100006000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_overrides',
        columns: [
          idColumn(),
          varcharColumn('date', 10),
          varcharColumn('kind', 16),
          varcharColumn('reason', 255),
          timestampColumn('created_at'),
          referenceColumn('created_by', true),
        ],
        indices: [{ name: 'IDX_calendar_overrides_date', columnNames: ['date'], isUnique: true }],
        foreignKeys: [
          {
            columnNames: ['created_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    // Plain SQL rather than a query builder: this must not depend on the entity as it will later be.
    const { driver } = queryRunner.connection;
    const createdAt = Date.now();
    for (const { date, kind, reason } of OFFICIAL_DAYS_2025_2026) {
      const [sql, parameters] = driver.escapeQueryWithParameters(
        `INSERT INTO "calendar_overrides" ("id", "date", "kind", "reason", "created_at", "created_by")
         VALUES (:id, :date, :kind, :reason, :createdAt, NULL)`,
        { id: randomUUID(), date, kind, reason, createdAt },
      );
      await queryRunner.query(sql, parameters);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_overrides');
  }
}
