import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';

import { dataSourceOptions, runMigrationsExclusively } from '@onegate/persistence';
import { MIGRATIONS } from '@onegate/migrations';

import type { TestDatabase } from './support/test-database';
import { createTestDatabase, testDatabaseKind } from './support/test-database';

describe(`schema from migrations (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      dataSourceOptions({ database: database.config, readDatabase: database.config }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const pendingSchemaChanges = async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  };

  /** The entity tables that exist now: all of them after migrating, none after reverting. */
  const existingEntityTables = async () => {
    const runner = dataSource.createQueryRunner();
    const names = dataSource.entityMetadatas.map((entity) => entity.tableName).sort();
    const present = await Promise.all(names.map((name) => runner.hasTable(name)));
    await runner.release();
    return names.filter((_, index) => present[index]);
  };

  it.skipIf(testDatabaseKind() !== 'sqlite')(
    'keeps a commit on disk before it is acknowledged, also after a restart (log synced at every commit)',
    async () => {
      // A file already in WAL mode, opened again, is where better-sqlite3's default would be NORMAL.
      const restarted = await new DataSource(
        dataSourceOptions({ database: database.config, readDatabase: database.config }),
      ).initialize();
      try {
        const [journal] = (await restarted.query('PRAGMA journal_mode')) as { journal_mode: string }[];
        const [sync] = (await restarted.query('PRAGMA synchronous')) as { synchronous: number }[];
        expect(journal.journal_mode).toBe('wal');
        expect(sync.synchronous).toBe(2); // FULL
      } finally {
        await restarted.destroy();
      }
    },
  );

  it('applies every migration, after which the entities need no further change', async () => {
    await runMigrationsExclusively(dataSource);
    expect(await dataSource.showMigrations()).toBe(false);
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await existingEntityTables()).toEqual([
      'account_tokens',
      'agencies',
      'application_events',
      'application_messages',
      'application_ratings',
      'applications',
      'attachments',
      'audit_events',
      'calendar_overrides',
      'calendar_schedules',
      'consultations',
      'document_reviews',
      'drafted_results',
      'fee_receipt_sequences',
      'fee_receipts',
      'feedback',
      'idempotency_records',
      'job_runs',
      'mail_sink_messages',
      'national_sync_entries',
      'notifications',
      'outbox_messages',
      'partner_clients',
      'payments',
      'phone_verification_codes',
      'procedure_steps',
      'procedures',
      'receipt_sequences',
      'refresh_tokens',
      'report_file_entries',
      'report_histograms',
      'report_layout',
      'report_rollups',
      'report_step_entries',
      'report_step_rollups',
      'result_downloads',
      'result_numbers',
      'results',
      'service_index_scoring_tables',
      'text_messages',
      'users',
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_subscriptions',
    ]);
  });

  it('reverts every migration, one at a time, back to an empty schema', async () => {
    for (let remaining = MIGRATIONS.length; remaining > 0; remaining--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      const executed = await dataSource.query('SELECT COUNT(*) AS count FROM migrations');
      expect(Number(executed[0].count)).toBe(remaining - 1);
    }
    expect(await existingEntityTables()).toEqual([]);
  });

  it('migrates up again after a full revert, to the same schema', async () => {
    await runMigrationsExclusively(dataSource);
    expect(await pendingSchemaChanges()).toEqual([]);
  });
});
