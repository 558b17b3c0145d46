import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AuthModule } from '@onegate/auth';
import { DocumentsModule } from '@onegate/documents';

import { PageRendererModule } from '../web/core/page-renderer.module';
import { PublicFormGuard } from '../web/core/public-form.guard';
import { ApplicationResultController } from './application-result.controller';
import { VerifyPageController } from './verify-page.controller';
import { VerifyController } from './verify.controller';

/** Signed results: public verification (API and the pages, one the QR code's) and the owner's download. */
@Module({
  imports: [AuthModule, ApplicationsModule, DocumentsModule, PageRendererModule],
  controllers: [VerifyController, VerifyPageController, ApplicationResultController],
  providers: [PublicFormGuard],
})
export class VerificationModule {}
