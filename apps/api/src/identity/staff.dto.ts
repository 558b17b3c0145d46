import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { ROLES, STAFF_ROLES } from '@onegate/domain';
import type { Role } from '@onegate/domain';
import { TrimmedLowercase } from '@onegate/platform';

import { PageQuery } from '../catalogue/catalogue.dto';

export class CreateStaffRequest {
  @ApiProperty()
  @TrimmedLowercase()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(255)
  public email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public fullName!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: 'role must be clerk, supervisor or admin' })
  public role!: Role;

  @ApiProperty({ description: 'Code of the agency the account belongs to' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public agencyCode!: string;

  @ApiProperty({ minLength: 10, description: 'Initial password, to be changed by its owner' })
  @IsString()
  @MaxLength(128)
  public password!: string;
}

export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  public role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(32)
  public agencyCode?: string;

  @ApiPropertyOptional({ description: 'false deactivates the account and signs it out everywhere' })
  @IsOptional()
  @IsBoolean()
  public active?: boolean;

  @ApiPropertyOptional({
    minLength: 10,
    description: 'A new password for a staff account, which its owner must change at the next sign-in',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  public password?: string;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  public role?: Role;

  @ApiPropertyOptional({ description: 'Agency code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  public agency?: string;

  @ApiPropertyOptional({ description: 'Part of the e-mail or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  public q?: string;
}
