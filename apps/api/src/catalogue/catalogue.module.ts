import { Module } from '@nestjs/common';

import { HomeController } from '../home/home.controller';
import { AgenciesController } from './agencies.controller';
import { CatalogueService } from './catalogue.service';
import { ProceduresController } from './procedures.controller';

@Module({
  controllers: [HomeController, AgenciesController, ProceduresController],
  providers: [CatalogueService],
})
export class CatalogueModule {}
