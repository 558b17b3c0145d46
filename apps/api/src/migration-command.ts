import { DataSource } from 'typeorm';

import type { AppConfig } from '@onegate/config';
import { dataSourceOptions, runMigrationsExclusively } from '@onegate/persistence';

/** `migrate run` applies every pending migration; `migrate revert` undoes the last one. */
export async function runMigrationCommand(config: AppConfig, action: string | undefined): Promise<void> {
  if (action !== 'run' && action !== 'revert') throw new Error('usage: migrate run|revert');
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    if (action === 'run') {
      const before = await dataSource.showMigrations();
      await runMigrationsExclusively(dataSource);
      process.stdout.write(before ? 'migrations applied\n' : 'nothing to migrate\n');
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('last migration reverted\n');
    }
  } finally {
    await dataSource.destroy();
  }
}
