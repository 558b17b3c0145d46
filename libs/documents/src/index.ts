export { DocumentsModule } from './documents.module';
export { FormIssuer } from './forms/form-issuer';
export { ResultIssuer } from './results/result-issuer';
export { ResultVerificationService } from './results/result-verification.service';
export { ResultVerificationDto, UploadVerificationDto } from './results/verification.dto';
export { SigningModule } from './signing.module';
