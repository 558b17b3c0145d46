import { Module } from '@nestjs/common';

import { ImportCoreModule } from './import-core.module';
import { ImportsController } from './imports.controller';

@Module({
  imports: [ImportCoreModule],
  controllers: [ImportsController],
})
export class ImportsModule {}
