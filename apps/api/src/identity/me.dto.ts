import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { Trimmed, TrimmedLowercase } from '@onegate/platform';

import { IsVietnamesePhone } from './identity.validators';

export class UpdateMeRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public fullName?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  public language?: Language;

  @ApiPropertyOptional()
  @IsOptional()
  @IsVietnamesePhone()
  public phone?: string;

  @ApiPropertyOptional({ description: 'Takes effect once the link mailed to the new address is opened' })
  @IsOptional()
  @TrimmedLowercase()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  public email?: string;
}

export class ForgotPasswordRequest {
  @ApiProperty()
  @TrimmedLowercase()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  public email!: string;
}

export class LinkTokenRequest {
  @ApiProperty({ description: 'The token of the link mailed to the account' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  public token!: string;
}

export class ResetPasswordRequest extends LinkTokenRequest {
  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(128)
  public password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  public currentPassword!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(128)
  public newPassword!: string;
}
