import { Module } from '@nestjs/common';

import { FeeReceiptDocuments } from './forms/fee-receipt-documents';
import { FormIssuer } from './forms/form-issuer';
import { PdfRenderer } from './pdf/pdf-renderer';
import { ResultDocuments } from './results/result-documents';
import { ResultVerificationService } from './results/result-verification.service';
import { DocumentTemplates } from './templates/document-templates';

const SERVICES = [
  DocumentTemplates,
  PdfRenderer,
  ResultDocuments,
  ResultVerificationService,
  FeeReceiptDocuments,
  FormIssuer,
];

/** Document rendering and result verification: everything but the signing key. */
@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class DocumentsModule {}
