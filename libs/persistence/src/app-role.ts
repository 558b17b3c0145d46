import type { DataSource, EntityManager } from 'typeorm';

import type { DatabaseSettings } from './data-source-options';

/** History: the application may add rows to these tables, never change or remove them. */
export const INSERT_ONLY_TABLES = ['application_events', 'audit_events'] as const;

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export class AppRoleError extends Error {}

/**
 * The role the application connects as, when migrations run as another (the owner): the user of
 * DATABASE_URL if DATABASE_MIGRATION_URL names a different one. null: one role does everything.
 */
export function applicationRoleOf(config: DatabaseSettings): string | null {
  if (!config.migrationDatabase || config.database.kind !== 'postgres') return null;
  const role = decodeURIComponent(new URL(config.database.url).username);
  const owner = decodeURIComponent(new URL(config.migrationDatabase.url).username);
  return role && role !== owner ? role : null;
}

/**
 * Gives `role` exactly what the application needs, on the tables that exist now, in one transaction:
 * read and write ordinary tables, only read and insert the history tables, only read `migrations`.
 * Without ownership it cannot ALTER, DROP or TRUNCATE anything. Run as the owner; safe to repeat.
 */
export async function grantAppRole(owner: DataSource, role: string, options: { create?: boolean } = {}) {
  if (owner.options.type !== 'postgres') throw new AppRoleError('database roles exist on PostgreSQL only');
  if (!ROLE_NAME.test(role)) throw new AppRoleError(`${role} is not a plain role name`);
  await owner.transaction(async (manager) => {
    await checkRole(manager, role, options.create === true);
    const [{ schema }] = await manager.query('SELECT current_schema() AS schema');
    const [to, from, inSchema] = [`TO "${role}"`, `FROM "${role}"`, `IN SCHEMA "${schema}"`];
    for (const statement of [
      `GRANT USAGE ON SCHEMA "${schema}" ${to}`,
      `REVOKE ALL ON ALL TABLES ${inSchema} ${from}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES ${inSchema} ${to}`,
      `REVOKE INSERT, UPDATE, DELETE ON migrations ${from}`,
      `REVOKE UPDATE, DELETE ON ${INSERT_ONLY_TABLES.join(', ')} ${from}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES ${inSchema} ${to}`,
    ]) {
      await manager.query(statement);
    }
  });
}

async function checkRole(manager: EntityManager, role: string, create: boolean): Promise<void> {
  const [current] = await manager.query('SELECT current_user AS name');
  if (current.name === role) throw new AppRoleError(`${role} is the owner role that runs migrations`);
  const found: { rolsuper: boolean }[] = await manager.query(
    'SELECT rolsuper FROM pg_roles WHERE rolname = $1',
    [role],
  );
  if (found.length === 0) {
    if (!create) throw new AppRoleError(`role ${role} does not exist`);
    await manager.query(`CREATE ROLE "${role}" LOGIN`);
  } else if (found[0].rolsuper) {
    throw new AppRoleError(`role ${role} is a superuser, which no privilege restricts`);
  }
}
