import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** PostgreSQL settings under which a commit OneGate has acknowledged may be lost to a crash. */
const UNSAFE_SETTINGS = `
  SELECT name, setting FROM pg_settings
  WHERE (name = 'fsync' AND setting = 'off')
     OR (name = 'synchronous_commit' AND setting = 'off')
     OR (name = 'full_page_writes' AND setting = 'off')
  ORDER BY name`;

/** What PostgreSQL is set to that may lose acknowledged commits (none on SQLite, synced by us). */
export async function durabilityRisks(dataSource: DataSource): Promise<Record<string, string>> {
  if (dataSource.options.type !== 'postgres') return {};
  const rows: { name: string; setting: string }[] = await dataSource.query(UNSAFE_SETTINGS);
  return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
}

/**
 * Says at start-up, once, when the database is set to forget: an operator may have turned fsync or
 * synchronous_commit off for speed, and every citizen's acknowledged submission is then at risk.
 */
@Injectable()
export class DatabaseDurabilityCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  public constructor(private readonly dataSource: DataSource) {}

  public async onApplicationBootstrap(): Promise<void> {
    const risks = await durabilityRisks(this.dataSource).catch(() => ({}));
    if (Object.keys(risks).length === 0) return;
    this.logger.warn(
      { settings: risks },
      'PostgreSQL may lose acknowledged commits after a crash: set fsync, synchronous_commit and full_page_writes on',
    );
  }
}
