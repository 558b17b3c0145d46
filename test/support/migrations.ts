import { DataSource } from 'typeorm';

import type { AppConfig } from '@onegate/config';
import { dataSourceOptions } from '@onegate/persistence';

import { undoLastMigration } from '../../apps/api/src/migration-command';

/** Runs `work` on a connection of its own to the stack's database, as the migration command would. */
export async function withMigrationConnection(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts migrations, newest first, until `migration` is no longer applied. */
export async function undoMigrationsUntil(dataSource: DataSource, migration: string): Promise<void> {
  const applied = async () =>
    (await dataSource.query('SELECT name FROM migrations')).map((row: { name: string }) => row.name);
  while ((await applied()).includes(migration)) await undoLastMigration(dataSource);
}
