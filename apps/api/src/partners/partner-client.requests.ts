import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { PARTNER_SCOPES } from '@onegate/domain';
import type { PartnerScope } from '@onegate/domain';
import { NumberFromText } from '@onegate/platform';

/** A partner client as an administrator registers it (docs/partner-clients.md). */
export class CreatePartnerClientRequest {
  @ApiProperty({ example: 'Quang Ninh tax office system', maxLength: 200 })
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  public name!: string;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  @IsArray({ message: 'scopes must be a list of scopes' })
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(PARTNER_SCOPES.length, { message: 'scopes names a scope twice' })
  @IsIn(PARTNER_SCOPES, { each: true, message: `each of scopes must be one of ${PARTNER_SCOPES.join(', ')}` })
  public scopes!: PartnerScope[];

  @ApiProperty({ description: 'Agency codes it may see, each with every agency below it' })
  @IsArray({ message: 'agencies must be a list of agency codes' })
  @ArrayMinSize(1, { message: 'agencies must name at least one agency' })
  @ArrayMaxSize(100, { message: 'agencies must list at most 100 agencies' })
  @IsString({ each: true, message: 'each of agencies must be an agency code' })
  @MaxLength(32, { each: true, message: 'each of agencies must be an agency code' })
  public agencies!: string[];
}

/** What an administrator changes; `enabled: false` stops the client's tokens at once. */
export class UpdatePartnerClientRequest extends PartialType(CreatePartnerClientRequest) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  public enabled?: boolean;
}

/** A transfer agency's answer when its system forwards the file to the next step. */
export class PartnerForwardRequest {
  @ApiPropertyOptional({ description: "The agency's opinion, shown on the file", maxLength: 4000 })
  @IsOptional()
  @IsString({ message: 'opinion must be text' })
  @MinLength(1, { message: 'opinion must not be empty' })
  @MaxLength(4000, { message: 'opinion must be at most 4000 characters' })
  public opinion?: string;

  @ApiPropertyOptional({ description: 'What the agency found due (a tax), whole VND' })
  @IsOptional()
  @NumberFromText()
  @IsInt({ message: 'amountDue must be a whole number of VND' })
  @Min(0, { message: 'amountDue must not be negative' })
  @Max(2_000_000_000, { message: 'amountDue must be at most 2000000000' })
  public amountDue?: number;

  /** Required: a system acting on a file says which version it read, so it never acts on one that moved since. */
  @ApiProperty({ description: 'The version the client last read; a newer one answers 409' })
  @NumberFromText()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  public version!: number;
}
