import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { TrimmedLowercase } from '@onegate/platform';

import { IsVietnamesePhone } from './identity.validators';

export class UpdateMeRequest {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  public language?: Language;

  @ApiPropertyOptional()
  @IsOptional()
  @IsVietnamesePhone()
  public phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimmedLowercase()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  public email?: string;
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
