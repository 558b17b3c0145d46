import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AuthModule } from '@onegate/auth';
import { DocumentsModule } from '@onegate/documents';

import { ApplicationResultController } from './application-result.controller';
import { VerifyPageController } from './verify-page.controller';
import { VerifyController } from './verify.controller';

/** Signed results: public verification (API and QR page) and the owner's download. */
@Module({
  imports: [AuthModule, ApplicationsModule, DocumentsModule],
  controllers: [VerifyController, VerifyPageController, ApplicationResultController],
})
export class VerificationModule {}
