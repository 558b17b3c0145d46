import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { DataSourceOptions } from 'typeorm';

import type { AppConfig } from '@onegate/config';
import { useNationalIdKeys } from '@onegate/config';
import { MIGRATIONS } from '@onegate/migrations';

import { ENTITIES } from './entities';

export type DatabaseSettings = Pick<AppConfig, 'database' | 'readDatabase'> &
  Partial<Pick<AppConfig, 'nationalIdKeys' | 'migrationDatabase'>>;

/**
 * The one place that turns configuration into TypeORM options; schema only ever comes from migrations.
 * It also hands the national ID keys to the entity mapping that encrypts with them; the migrations that
 * seal values read the same variables themselves (docs/architecture.md, "Data").
 */
export function dataSourceOptions(config: DatabaseSettings): DataSourceOptions {
  if (config.nationalIdKeys) useNationalIdKeys(config.nationalIdKeys);
  const shared = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false };
  if (config.database.kind === 'sqlite') {
    if (config.database.url !== ':memory:') mkdirSync(dirname(config.database.url), { recursive: true });
    return {
      ...shared,
      type: 'better-sqlite3',
      database: config.database.url,
      enableWAL: true,
      // better-sqlite3 is built with NORMAL for WAL, which may lose the last commits to a power cut;
      // FULL syncs the log at every commit, so an acknowledged change stays.
      prepareDatabase: (connection: { pragma(source: string): unknown }) => {
        connection.pragma('synchronous = FULL');
      },
      timeout: 10_000,
    };
  }
  const readReplica = config.readDatabase.url !== config.database.url ? config.readDatabase : null;
  if (!readReplica) return { ...shared, type: 'postgres', url: config.database.url };
  return {
    ...shared,
    type: 'postgres',
    // Only reads that ask for the replica go there (reports); everything else reads its own writes.
    replication: {
      master: { url: config.database.url },
      slaves: [{ url: readReplica.url }],
      defaultMode: 'master',
    },
  };
}
