import { DataSource } from 'typeorm';

import type { AppConfig } from '@onegate/config';
import { dataSourceOptions, migrateAsOwner } from '@onegate/persistence';

/**
 * `migrate run` applies every pending migration; `migrate revert` undoes the last one. Both connect
 * as the owner role (DATABASE_MIGRATION_URL, else DATABASE_URL).
 */
export async function runMigrationCommand(config: AppConfig, action: string | undefined): Promise<void> {
  if (action !== 'run' && action !== 'revert') throw new Error('usage: migrate run|revert');
  if (action === 'run') {
    const applied = await migrateAsOwner(config);
    process.stdout.write(applied ? 'migrations applied\n' : 'nothing to migrate\n');
    return;
  }
  const database = config.migrationDatabase ?? config.database;
  const dataSource = await new DataSource(
    dataSourceOptions({ database, readDatabase: database, nationalIdKeys: config.nationalIdKeys }),
  ).initialize();
  try {
    await undoLastMigration(dataSource);
    process.stdout.write('last migration reverted\n');
  } finally {
    await dataSource.destroy();
  }
}

/**
 * TypeORM turns SQLite's foreign-key checks off for a revert only inside its transaction, where SQLite
 * ignores the pragma; a revert that rebuilds a referenced table would then fail on existing rows.
 */
export async function undoLastMigration(dataSource: DataSource): Promise<void> {
  const sqlite = dataSource.options.type !== 'postgres';
  if (sqlite) await dataSource.query('PRAGMA foreign_keys = OFF');
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    if (sqlite) await dataSource.query('PRAGMA foreign_keys = ON');
  }
}
