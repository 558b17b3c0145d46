import { createReadStream } from 'node:fs';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';

import { ConfigModule } from '@onegate/config';
import type { AppConfig } from '@onegate/config';
import { OutboxModule } from '@onegate/jobs';
import { openDatabase, PersistenceModule } from '@onegate/persistence';
import { PlatformModule } from '@onegate/platform';

import { ImportCoreModule } from './import-core.module';
import { ImportService } from './import.service';

@Module({})
class ImportCommandModule {
  public static forRoot(config: AppConfig, dataSource: DataSource) {
    return {
      module: ImportCommandModule,
      imports: [
        ConfigModule.forRoot(config),
        PlatformModule,
        PersistenceModule.forDataSource(dataSource),
        OutboxModule,
        ImportCoreModule,
      ],
    };
  }
}

/** `import FILE`: imports an NDJSON file as `POST /api/admin/imports` does and prints the same answer. */
export async function runImportCommand(config: AppConfig, file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: import FILE (NDJSON, one application a line)');
  const dataSource = await openDatabase(config, 'run');
  const app = await NestFactory.createApplicationContext(ImportCommandModule.forRoot(config, dataSource), {
    logger: false,
  });
  try {
    const result = await app.get(ImportService).importStream(createReadStream(file));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
