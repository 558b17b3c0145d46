import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AuthModule } from '@onegate/auth';

import { ReportsModule } from '../reports/reports.module';
import { AdminPartnerClientsController } from './admin-partner-clients.controller';
import { OAuthTokenController } from './oauth-token.controller';
import { PartnerApiController } from './partner-api.controller';
import { PartnerClientsService } from './partner-clients.service';
import { PartnerFilesService } from './partner-files.service';
import { PartnerReportsService } from './partner-reports.service';
import { TransferredStepOfPartner } from './transferred-step.check';

/** Partner API clients: their registration, their tokens and what they call (docs/partner-clients.md). */
@Module({
  imports: [ApplicationsModule, AuthModule, ReportsModule],
  controllers: [AdminPartnerClientsController, OAuthTokenController, PartnerApiController],
  providers: [PartnerClientsService, PartnerFilesService, PartnerReportsService, TransferredStepOfPartner],
  exports: [PartnerClientsService],
})
export class PartnersHttpModule {}
