import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import { NOTICE_CHANNELS } from '@onegate/persistence';
import type { NoticeChannel } from '@onegate/persistence';
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

  @ApiPropertyOptional({
    enum: NOTICE_CHANNELS,
    isArray: true,
    description: 'Where notices go besides the application; sms and zns need a verified phone number',
  })
  @IsOptional()
  @IsArray({ message: 'channels must be a list of email, sms, zns' })
  @ArrayMaxSize(NOTICE_CHANNELS.length)
  @ArrayUnique({ message: 'channels must not name a channel twice' })
  @IsIn(NOTICE_CHANNELS, { each: true, message: 'channels must be a list of email, sms, zns' })
  public channels?: NoticeChannel[];
}

export class ConfirmPhoneRequest {
  @ApiProperty({ description: 'The six digits sent by SMS' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the six digits sent by SMS' })
  public code!: string;
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
