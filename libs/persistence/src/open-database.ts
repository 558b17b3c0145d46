import { setTimeout as sleep } from 'node:timers/promises';

import { DataSource } from 'typeorm';

import type { DatabaseConfig } from '@onegate/config';

import { applicationRoleOf, grantAppRole } from './app-role';
import { dataSourceOptions } from './data-source-options';
import type { DatabaseSettings } from './data-source-options';

/** An arbitrary constant shared by every OneGate process: only one of them migrates at a time. */
const MIGRATION_LOCK_KEY = 7_104_202_611;

export class DatabaseUnavailableError extends Error {}

export type MigrationMode = 'run' | 'wait';

/**
 * Connects, then either applies pending migrations (the API) or waits until another process has
 * applied them (the worker). Failures become one readable line, never a stack trace at boot.
 */
export async function openDatabase(
  config: DatabaseSettings,
  mode: MigrationMode,
  waitTimeoutMs = 120_000,
): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(config));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot open the database ${describeTarget(config)}: ${messageOf(error)}`,
    );
  }
  if (mode === 'wait') await waitForMigrations(dataSource, waitTimeoutMs);
  else if (config.migrationDatabase) await migrateAsOwner(config);
  else await runMigrationsExclusively(dataSource);
  return dataSource;
}

/** Applies pending migrations, then `afterwards`, while no other OneGate process migrates. */
export async function runMigrationsExclusively(
  dataSource: DataSource,
  afterwards: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    await afterwards();
    return;
  }
  const lockHolder = dataSource.createQueryRunner('master');
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
    await afterwards();
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockHolder.release();
  }
}

export interface RoleGrant {
  role: string;
  /** Create the role (LOGIN, no password) if it does not exist. */
  create?: boolean;
}

/**
 * Applies pending migrations over the owner role's own connection (DATABASE_MIGRATION_URL, else
 * DATABASE_URL), then grants the application's role what it may do on every table, new ones included.
 * The grant runs under the migration lock too: concurrent GRANTs on one table fail in PostgreSQL.
 * Returns whether any migration was pending.
 */
export async function migrateAsOwner(
  config: DatabaseSettings,
  grant: RoleGrant | null = applicationRoleGrant(config),
): Promise<boolean> {
  const database = config.migrationDatabase ?? config.database;
  const owner = new DataSource(
    dataSourceOptions({ database, readDatabase: database, nationalIdKeys: config.nationalIdKeys }),
  );
  try {
    await owner.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot open the database ${describeTarget({ database })} to migrate it: ${messageOf(error)}`,
    );
  }
  try {
    const pending = await owner.showMigrations();
    await runMigrationsExclusively(owner, async () => {
      if (grant) await grantAppRole(owner, grant.role, { create: grant.create });
    });
    return pending;
  } finally {
    await owner.destroy();
  }
}

function applicationRoleGrant(config: DatabaseSettings): RoleGrant | null {
  const role = applicationRoleOf(config);
  return role ? { role } : null;
}

async function waitForMigrations(dataSource: DataSource, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await hasPendingMigrations(dataSource)) {
    if (Date.now() > deadline) {
      await dataSource.destroy();
      throw new DatabaseUnavailableError(
        'the database schema is not up to date: start the API to migrate it',
      );
    }
    await sleep(500);
  }
}

async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  try {
    return await dataSource.showMigrations();
  } catch {
    // The migrations table itself may not exist yet while the first API process creates it.
    return true;
  }
}

function describeTarget(config: { database: DatabaseConfig }): string {
  if (config.database.kind === 'sqlite') return `SQLite file ${config.database.url}`;
  const url = new URL(config.database.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  if (error instanceof Error) return error.message || error.constructor.name;
  return String(error);
}
