import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AgencyRepository } from './repositories/agency.repository';
import { JobRunRepository } from './repositories/job-run.repository';
import { ProcedureRepository } from './repositories/procedure.repository';

const REPOSITORIES = [AgencyRepository, ProcedureRepository, JobRunRepository];

/** Hands an already opened and migrated DataSource to Nest, with the repositories built on it. */
@Module({})
export class PersistenceModule {
  public static forDataSource(dataSource: DataSource): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
