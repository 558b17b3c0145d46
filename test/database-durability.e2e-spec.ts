import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';

import { dataSourceOptions, durabilityRisks } from '@onegate/persistence';

import type { TestDatabase } from './support/test-database';
import { createTestDatabase, testDatabaseKind } from './support/test-database';

describe(`what the database may lose (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  const open = async (url: string) => {
    const config = { kind: database.config.kind, url };
    const dataSource = await new DataSource(
      dataSourceOptions({ database: config, readDatabase: config }),
    ).initialize();
    opened.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const dataSource of opened) await dataSource.destroy();
    await database?.drop();
  });

  it.skipIf(testDatabaseKind() !== 'sqlite')(
    'finds nothing on SQLite, whose log OneGate syncs itself',
    async () => {
      expect(await durabilityRisks(await open(database.config.url))).toEqual({});
    },
  );

  it.skipIf(testDatabaseKind() !== 'postgres')(
    'names each PostgreSQL setting that is off among fsync, synchronous_commit and full_page_writes',
    async () => {
      const url = new URL(database.config.url);
      url.searchParams.set('options', '-c synchronous_commit=off');
      const careless = await open(url.toString());
      const careful = await open(database.config.url);

      expect(await durabilityRisks(careless)).toEqual(await settingsOff(careless));
      expect(await durabilityRisks(careless)).toMatchObject({ synchronous_commit: 'off' });
      expect(await durabilityRisks(careful)).toEqual(await settingsOff(careful));
    },
  );
});

/** The three settings as PostgreSQL shows them to this connection, those that are off. */
async function settingsOff(dataSource: DataSource): Promise<Record<string, string>> {
  const off: Record<string, string> = {};
  for (const name of ['fsync', 'full_page_writes', 'synchronous_commit']) {
    const [row] = (await dataSource.query(`SHOW ${name}`)) as Record<string, string>[];
    if (row[name] === 'off') off[name] = 'off';
  }
  return off;
}
