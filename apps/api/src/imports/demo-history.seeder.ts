import { Readable } from 'node:stream';

import { Injectable, Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';

import { demoHistoryNdjson } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { ImportResult } from './import.service';
import { ImportService } from './import.service';
import { ImportRepository } from './import.repository';

/** The demo history's seed: the same seed and the same day give the same history (docs/operations.md). */
export const DEMO_HISTORY_SEED = 23;

/**
 * Seeds a year of demo history into a database that has no application yet, through the historical
 * import (docs/operations.md, "Demo history"), so its files, events and report rollups are made as an
 * agency's own import makes them. A database with files is left alone: a second start seeds nothing.
 */
@Injectable()
export class DemoHistorySeeder {
  public constructor(
    private readonly imports: ImportService,
    private readonly repository: ImportRepository,
    private readonly clock: Clock,
  ) {}

  public async seedIfEmpty(files: number): Promise<ImportResult | null> {
    if (await this.repository.hasApplications()) return null;
    const lines = demoHistoryNdjson({ count: files, seed: DEMO_HISTORY_SEED, now: this.clock.now() });
    return this.imports.importStream(Readable.from(lines));
  }
}

/** Seeds the demo history when the configuration asks for it, and says what it did in the log. */
export async function seedDemoHistory(
  app: INestApplicationContext,
  files: number,
): Promise<ImportResult | null> {
  const logger = new Logger('DemoHistory');
  const started = performance.now();
  let result: ImportResult | null;
  try {
    result = await app.get(DemoHistorySeeder, { strict: false }).seedIfEmpty(files);
  } catch (error) {
    // The demo goes on without its history rather than stopping the API.
    logger.error(`demo history not seeded: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  if (result) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.log(
      `demo history: ${result.imported} files of the last twelve months imported in ${seconds} s` +
        (result.rejected.length > 0
          ? ` (${result.rejected.length} rejected: ${result.rejected[0]!.error})`
          : ''),
    );
  }
  return result;
}
