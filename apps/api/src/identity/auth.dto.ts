import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import type { Language } from '@onegate/domain';

import { IsNationalId, IsVietnamesePhone } from './identity.validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class RegisterRequest {
  @ApiProperty({ example: '022090001234' })
  @Transform(trim)
  @IsNationalId()
  public nationalId!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public fullName!: string;

  @ApiProperty({ example: 'a@example.vn' })
  @Transform(lowerTrim)
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
