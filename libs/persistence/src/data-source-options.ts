import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { DataSourceOptions } from 'typeorm';

import type { AppConfig } from '@onegate/config';
import { MIGRATIONS } from '@onegate/migrations';

import { ENTITIES } from './entities';

/** The one place that turns configuration into TypeORM options; schema only ever comes from migrations. */
export function dataSourceOptions(config: Pick<AppConfig, 'database' | 'readDatabase'>): DataSourceOptions {
  const shared = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false };
  if (config.database.kind === 'sqlite') {
    if (config.database.url !== ':memory:') mkdirSync(dirname(config.database.url), { recursive: true });
    return {
      ...shared,
      type: 'better-sqlite3',
      database: config.database.url,
      enableWAL: true,
      timeout: 10_000,
    };
  }
  const readReplica = config.readDatabase.url !== config.database.url ? config.readDatabase : null;
  if (!readReplica) return { ...shared, type: 'postgres', url: config.database.url };
  return {
    ...shared,
    type: 'postgres',
    replication: { master: { url: config.database.url }, slaves: [{ url: readReplica.url }] },
  };
}
