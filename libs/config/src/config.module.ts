import { DynamicModule, Global, Module } from '@nestjs/common';

import { AppConfig } from './app-config';

/** Makes the configuration validated at boot injectable as AppConfig. */
@Global()
@Module({})
export class ConfigModule {
  public static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
