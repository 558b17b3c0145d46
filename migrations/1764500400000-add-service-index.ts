import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableColumn } from 'typeorm';

import {
  idColumn,
  integerColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

/** The rollup columns of the service index of Decision 766 (docs/decision-766.md), zero until a rebuild. */
const INDEX_COUNTERS = [
  'index_on_time',
  'index_late_open_delta',
  'fee_bearing',
  'paid_online',
  'signed_online',
  'dissatisfied',
];

/**
 * The service index of Decision 766 (docs/decision-766.md): the counters it adds to `report_rollups`,
 * and the versioned scoring table, shipped with its first version.
 */
export class AddServiceIndex1764500400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(
      'report_rollups',
      INDEX_COUNTERS.map((name) => new TableColumn({ ...integerColumn(name), default: 0 })),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_index_scoring_tables',
        columns: [
          idColumn(),
          integerColumn('version'),
          varcharColumn('effective_from', 10),
          textColumn('definition'),
          timestampColumn('created_at'),
          referenceColumn('created_by', true),
        ],
        indices: [
          { name: 'IDX_service_index_scoring_tables_version', columnNames: ['version'], isUnique: true },
          { name: 'IDX_service_index_scoring_tables_from', columnNames: ['effective_from'] },
        ],
      }),
    );
    const [sql, parameters] = queryRunner.connection.driver.escapeQueryWithParameters(
      `INSERT INTO "service_index_scoring_tables" ("id", "version", "effective_from", "definition", "created_at", "created_by")
       VALUES (:id, 1, :effectiveFrom, :definition, :createdAt, NULL)`,
      {
        id: '766c0001-0000-4000-8000-000000000001',
        effectiveFrom: SHIPPED_FROM,
        definition: JSON.stringify(SHIPPED_DEFINITION),
        createdAt: Date.now(),
      },
    );
    await queryRunner.query(sql, parameters);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('service_index_scoring_tables');
    for (const name of INDEX_COUNTERS) await queryRunner.dropColumn('report_rollups', name);
  }
}

/** The date of Decision 766/QĐ-TTg: the first version applies to every period. */
const SHIPPED_FROM = '2022-06-23';

/**
 * The defaults of docs/decision-766.md, "The scoring table", as they were shipped (kept here as written
 * then, so later changes to the code's defaults never change what this migration wrote).
 */
const SHIPPED_DEFINITION = {
  groups: [
    { id: '1', max: 18, confirmed: true },
    { id: '2', max: 20, confirmed: true },
    { id: '3', max: 22, confirmed: true },
    { id: '4', max: 22, confirmed: true },
    { id: '5', max: 18, confirmed: true },
  ],
  criteria: [
    { id: '1a', max: 6, fullAt: 1, confirmed: false },
    { id: '1b', max: 4, fullAt: 1, confirmed: false },
    { id: '1c', max: 2, fullAt: 1, confirmed: false },
    { id: '1d', max: 6, fullAt: 1, confirmed: false },
    { id: '2a', max: 20, fullAt: 1, confirmed: false },
    { id: '3a', max: 4, fullAt: 0.8, confirmed: false },
    { id: '3b', max: 2, fullAt: 1, confirmed: false },
    { id: '3c', max: 6, fullAt: 0.5, confirmed: false },
    { id: '3d', max: 4, fullAt: 0.8, confirmed: false },
    { id: '3e', max: 6, fullAt: 1, confirmed: false },
    { id: '4a', max: 6, fullAt: 1, confirmed: false },
    { id: '4b', max: 4, fullAt: 0.8, confirmed: false },
    { id: '4c', max: 2, fullAt: 0.8, confirmed: false },
    { id: '5a', max: 6, fullAt: 1, confirmed: false },
    { id: '5b', max: 6, fullAt: 1, confirmed: false },
    { id: '5c', max: 6, fullAt: 0.9, confirmed: false },
  ],
};
