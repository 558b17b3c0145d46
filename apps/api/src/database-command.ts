import type { AppConfig } from '@onegate/config';
import { migrateAsOwner } from '@onegate/persistence';

/**
 * `db grant-app-role ROLE`: as the owner role (DATABASE_MIGRATION_URL, else DATABASE_URL), applies
 * pending migrations, creates ROLE if it does not exist (with LOGIN; set its password yourself) and
 * grants it what the application needs and no more. Safe to repeat.
 */
export async function runDatabaseCommand(
  config: AppConfig,
  action: string | undefined,
  role: string | undefined,
): Promise<void> {
  if (action !== 'grant-app-role' || !role) throw new Error('usage: db grant-app-role ROLE');
  await migrateAsOwner(config, { role, create: true });
  process.stdout.write(`role ${role} may read and write OneGate's tables, and only add to its history\n`);
}
