import { ApiProperty } from '@nestjs/swagger';

import type { IssuedResult } from '@onegate/persistence';

/** What anyone may learn about a result from its code: whether it exists, and its fingerprint. Nothing personal. */
export class ResultVerificationDto {
  @ApiProperty() public code!: string;
  @ApiProperty({ description: 'Whether OneGate issued a signed result under this code' })
  public exists!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the signed PDF, hex' })
  public sha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) public signer!: string | null;
  @ApiProperty({ nullable: true, type: String }) public signedAt!: string | null;

  public static from(code: string, result: IssuedResult | null): ResultVerificationDto {
    return {
      code,
      exists: result !== null,
      sha256: result?.sha256 ?? null,
      signer: result?.signer ?? null,
      signedAt: result?.signedAt.toISOString() ?? null,
    };
  }
}

/** The answer to an uploaded PDF: genuine means byte for byte a result OneGate signed. */
export class UploadVerificationDto {
  @ApiProperty() public genuine!: boolean;
  @ApiProperty({ description: 'SHA-256 of the uploaded file, hex' }) public sha256!: string;
  @ApiProperty({ nullable: true, type: String }) public code!: string | null;
  @ApiProperty({ nullable: true, type: String }) public signer!: string | null;
  @ApiProperty({ nullable: true, type: String }) public signedAt!: string | null;

  public static from(sha256: string, result: IssuedResult | null): UploadVerificationDto {
    return {
      genuine: result !== null,
      sha256,
      code: result?.code ?? null,
      signer: result?.signer ?? null,
      signedAt: result?.signedAt.toISOString() ?? null,
    };
  }
}
