import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { FormIssuer } from './forms/form-issuer';
import { PdfRenderer } from './pdf/pdf-renderer';
import { ResultDocuments } from './results/result-documents';
import { ResultDownloadService } from './results/result-download.service';
import { ResultVerificationService } from './results/result-verification.service';
import { DocumentTemplates } from './templates/document-templates';

const SERVICES = [
  DocumentTemplates,
  PdfRenderer,
  ResultDocuments,
  ResultVerificationService,
  ResultDownloadService,
  FormIssuer,
];

/** Document rendering, result verification and download: everything but the signing key. */
@Module({
  imports: [ApplicationsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class DocumentsModule {}
