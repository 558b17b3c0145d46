import { randomUUID } from 'node:crypto';

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  OFFICIAL_DAYS_2020_2024,
  OFFICIAL_SCHEDULES_2020_2026,
} from './1764200010000-official-schedules-2020-2026';
import { integerColumn, referenceColumn, timestampColumn, varcharColumn } from './columns';

/**
 * The years whose official schedule is loaded, starting with the shipped 2020-2026 ones, and the official
 * days of 2020-2024 (docs/working-time.md). A date an administrator already declared keeps their override.
 */
export class AddCalendarSchedules1764200010000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_schedules',
        columns: [
          { ...integerColumn('year'), isPrimary: true },
          varcharColumn('source', 500),
          timestampColumn('loaded_at'),
          referenceColumn('loaded_by', true),
        ],
        foreignKeys: [
          {
            columnNames: ['loaded_by'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    // Plain SQL rather than a query builder: this must not depend on the entities as they will later be.
    const now = Date.now();
    for (const { year, source } of OFFICIAL_SCHEDULES_2020_2026) {
      await this.run(
        queryRunner,
        `INSERT INTO "calendar_schedules" ("year", "source", "loaded_at", "loaded_by")
         VALUES (:year, :source, :now, NULL)`,
        { year, source, now },
      );
    }
    for (const { date, kind, reason } of OFFICIAL_DAYS_2020_2024) {
      const declared = await this.run(
        queryRunner,
        `SELECT "id" FROM "calendar_overrides" WHERE "date" = :date`,
        { date },
      );
      if (declared.length > 0) continue;
      await this.run(
        queryRunner,
        `INSERT INTO "calendar_overrides" ("id", "date", "kind", "reason", "created_at", "created_by")
         VALUES (:id, :date, :kind, :reason, :now, NULL)`,
        { id: randomUUID(), date, kind, reason, now },
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { date, kind, reason } of OFFICIAL_DAYS_2020_2024) {
      await this.run(
        queryRunner,
        `DELETE FROM "calendar_overrides"
         WHERE "date" = :date AND "kind" = :kind AND "reason" = :reason AND "created_by" IS NULL`,
        { date, kind, reason },
      );
    }
    await queryRunner.dropTable('calendar_schedules');
  }

  private async run(
    queryRunner: QueryRunner,
    sql: string,
    parameters: Record<string, unknown>,
  ): Promise<unknown[]> {
    const [escaped, values] = queryRunner.connection.driver.escapeQueryWithParameters(sql, parameters);
    return (await queryRunner.query(escaped, values)) as unknown[];
  }
}
