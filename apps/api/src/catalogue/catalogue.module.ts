import { Module } from '@nestjs/common';

import { AdminProceduresController } from './admin-procedures.controller';
import { AgenciesController } from './agencies.controller';
import { CatalogueService } from './catalogue.service';
import { ProcedureAdminService } from './procedure-admin.service';
import { ProceduresController } from './procedures.controller';

@Module({
  controllers: [AgenciesController, ProceduresController, AdminProceduresController],
  providers: [CatalogueService, ProcedureAdminService],
  exports: [CatalogueService, ProcedureAdminService],
})
export class CatalogueModule {}
