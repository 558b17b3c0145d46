import { Module } from '@nestjs/common';

import { ReportingModule } from '@onegate/reporting';

import { DocumentsModule } from './documents.module';
import { ResultIssuer } from './results/result-issuer';
import { PdfSigner } from './signing/pdf-signer';

/** The agency's signing key and the issuance of signed results: the worker's part alone. */
@Module({
  imports: [DocumentsModule, ReportingModule],
  providers: [PdfSigner, ResultIssuer],
  exports: [PdfSigner, ResultIssuer],
})
export class SigningModule {}
