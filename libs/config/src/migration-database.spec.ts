import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './load-config';

describe('DATABASE_MIGRATION_URL', () => {
  it('is unset by default: the application’s own connection migrates', () => {
    expect(loadConfig({}).migrationDatabase).toBeNull();
  });

  it('names the PostgreSQL owner role apart from the application’s', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://onegate_app@db/onegate',
      DATABASE_MIGRATION_URL: 'postgres://onegate_owner@db/onegate',
    });
    expect(config.database.url).toBe('postgres://onegate_app@db/onegate');
    expect(config.migrationDatabase).toEqual({
      kind: 'postgres',
      url: 'postgres://onegate_owner@db/onegate',
    });
  });

  it('is refused on SQLite, which has no roles, and when it is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'postgres://owner@db/onegate' })).toThrow(
      new ConfigError(['DATABASE_MIGRATION_URL needs DATABASE_URL on PostgreSQL too']),
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://app@db/onegate', DATABASE_MIGRATION_URL: 'sqlite:x' }),
    ).toThrow('DATABASE_MIGRATION_URL must be postgres://…');
  });
});
