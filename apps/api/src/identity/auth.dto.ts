import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { Trimmed, TrimmedLowercase } from '@onegate/platform';

import { IsNationalId, IsVietnamesePhone } from './identity.validators';

export class RegisterRequest {
  @ApiProperty({ example: '022090001234' })
  @Trimmed()
  @IsNationalId()
  public nationalId!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public fullName!: string;

  @ApiProperty({ example: 'a@example.vn' })
  @TrimmedLowercase()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  public email!: string;

  @ApiProperty({ example: '0912345678' })
  @IsVietnamesePhone()
  public phone!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(128)
  public password!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(LANGUAGES)
  public language?: Language;
}

export class LoginRequest {
  @ApiProperty({ description: 'E-mail address or 12-digit national ID number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  public password!: string;
}

export class RefreshRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  public refreshToken!: string;
}

export class TokenResponse {
  @ApiProperty() public accessToken!: string;
  @ApiProperty() public refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) public expiresIn!: number;
}

export class WebSessionResponse {
  @ApiProperty({
    description: 'Send back in the X-CSRF-Token header (or a _csrf form field) with every change',
  })
  public csrfToken!: string;
  @ApiProperty() public expiresIn!: number;
}
