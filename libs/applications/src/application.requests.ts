import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { NumberFromText } from '@onegate/platform';

export class CreateDraftRequest {
  @ApiProperty({ example: '1.001612' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public procedureCode!: string;

  @ApiPropertyOptional({ description: 'Form data so far; checked fully on submit' })
  @IsOptional()
  @IsObject()
  public formData?: Record<string, unknown>;
}

export class CounterApplicant {
  @ApiProperty()
  @Matches(/^\d{12}$/, { message: 'applicant.nationalId must be a 12-digit citizen ID number' })
  public nationalId!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public fullName!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'applicant.email must be an e-mail address' })
  public email?: string;

  @ApiPropertyOptional({
    description: 'A Vietnamese phone number (0912 345 678, +84 912 345 678); the queue finds the file by it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  public phone?: string;
}

/** A paper file taken at a one-stop desk on a citizen's behalf. */
export class RegisterCounterRequest {
  @ApiProperty({ example: '1.001612' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public procedureCode!: string;

  @ApiProperty({ type: CounterApplicant })
  @ValidateNested()
  @Type(() => CounterApplicant)
  public applicant!: CounterApplicant;

  @ApiProperty()
  @IsObject()
  public formData!: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  public note?: string;
}

export class UpdateFormRequest {
  @ApiProperty()
  @IsObject()
  public formData!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The version the caller last saw' })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(1)
  public version?: number;
}
