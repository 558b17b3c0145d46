import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import {
  DEFAULT_FEE_DUE,
  DEFAULT_RETENTION_DAYS,
  FEE_DUE_MOMENTS,
  FORM_FIELD_TYPES,
  MAX_RETENTION_DAYS,
  MAX_STEPS,
  MIN_STEPS,
  STEP_HOLDER_ROLES,
} from '@onegate/domain';
import type { FeeDue, FormField, StepHolderRole } from '@onegate/domain';
import type { OnlineLevel, SupplementPolicy } from '@onegate/persistence';
import { Trimmed } from '@onegate/platform';

import { IsNotLessThan, IsRegExp } from './procedure.validators';

export const ONLINE_LEVELS: readonly OnlineLevel[] = ['full', 'partial', 'offline'];
export const SUPPLEMENT_POLICIES: readonly SupplementPolicy[] = ['pause', 'restart'];
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A working year (250 days of 8 hours); no procedure takes longer. */
export const MAX_PROCESSING_HOURS = 2_000;
/** Below the 32-bit integer column limit. */
export const MAX_FEE_VND = 2_000_000_000;

export class LabelDto {
  @ApiProperty({ example: 'Họ và tên' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public vi!: string;

  @ApiProperty({ example: 'Full name' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public en!: string;
}

export class RequiredDocumentDto {
  @ApiProperty({ example: 'Giấy chứng sinh' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public name!: string;

  @ApiProperty()
  @IsBoolean()
  public mandatory!: boolean;

  @ApiProperty({ enum: DOCUMENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(DOCUMENT_TYPES, { each: true })
  public acceptedTypes!: string[];

  @ApiProperty({ maximum: MAX_DOCUMENT_BYTES, example: 5 * 1024 * 1024 })
  @IsInt()
  @Min(1)
  @Max(MAX_DOCUMENT_BYTES, { message: 'maxSizeBytes must not be greater than 20 MB (20971520)' })
  public maxSizeBytes!: number;
}

export class FormFieldDto {
  @ApiProperty({
    example: 'fullName',
    description: 'Unique in the form; a letter, then letters, digits or _',
  })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_]*$/, {
    message: 'name must start with a letter and contain only letters, digits and _',
  })
  @MaxLength(64)
  public name!: string;

  @ApiProperty({ type: LabelDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LabelDto)
  public label!: LabelDto;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsIn(FORM_FIELD_TYPES)
  public type!: FormField['type'];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  public required?: boolean;

  @ApiPropertyOptional({ description: 'Least value (number) or length (text)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  public min?: number;

  @ApiPropertyOptional({ description: 'Greatest value (number) or length (text)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsNotLessThan('min')
  public max?: number;

  @ApiPropertyOptional({ description: 'A regular expression the whole answer must match' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsRegExp()
  public pattern?: string;

  @ApiPropertyOptional({ type: [String], description: 'The choices; required for a select field' })
  @ValidateIf((field: FormFieldDto) => field.type === 'select' || field.options !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(255, { each: true })
  public options?: string[];
}

/** One step of the procedure's internal process (docs/applications.md, "Process"). */
export class ProcedureStepRequest {
  @ApiProperty({ example: 'Tiếp nhận hồ sơ' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public nameVi!: string;

  @ApiProperty({ example: 'Reception' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public nameEn!: string;

  @ApiProperty({ enum: STEP_HOLDER_ROLES })
  @IsIn(STEP_HOLDER_ROLES)
  public holderRole!: StepHolderRole;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "Another agency's id makes the step a transfer; none: the competent agency",
  })
  @IsOptional()
  @IsUUID()
  public holderAgencyId?: string | null;

  @ApiProperty({ description: 'Working hours, above 0', example: 8 })
  @IsInt()
  @Min(1)
  @Max(MAX_PROCESSING_HOURS)
  public budgetHours!: number;
}

export class CreateProcedureRequest {
  @ApiProperty({ example: '1.001612', description: 'Digits and dots, as in the national catalogue' })
  @IsString()
  @Matches(/^\d+(\.\d+)+$/, { message: 'code must be digits separated by dots, e.g. 1.001612' })
  @MaxLength(32)
  public code!: string;

  @ApiProperty()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  public nameVi!: string;

  @ApiProperty()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  public nameEn!: string;

  @ApiProperty({ description: 'Field (lĩnh vực)', example: 'Hộ tịch' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  public field!: string;

  @ApiProperty({ description: 'Code of the competent agency' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public agencyCode!: string;

  @ApiProperty({ description: 'Processing time in working hours (8 a working day)', example: 24 })
  @IsInt()
  @Min(1)
  @Max(MAX_PROCESSING_HOURS)
  public processingHours!: number;

  @ApiProperty({ enum: ONLINE_LEVELS })
  @IsIn(ONLINE_LEVELS)
  public onlineLevel!: OnlineLevel;

  @ApiProperty({ description: 'Fee in VND', example: 50_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEE_VND)
  public feeVnd!: number;

  @ApiPropertyOptional({
    enum: FEE_DUE_MOMENTS,
    default: DEFAULT_FEE_DUE,
    description: 'When the fee is due: with the submission, or before the result is returned',
  })
  @IsOptional()
  @IsIn(FEE_DUE_MOMENTS)
  public feeDue?: FeeDue;

  @ApiProperty({ enum: SUPPLEMENT_POLICIES })
  @IsIn(SUPPLEMENT_POLICIES)
  public supplementPolicy!: SupplementPolicy;

  @ApiProperty({ type: [RequiredDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  public requiredDocuments!: RequiredDocumentDto[];

  @ApiProperty({ type: [FormFieldDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  public formSchema!: FormFieldDto[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Template of the result document' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  public resultTemplate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: MAX_RETENTION_DAYS,
    default: DEFAULT_RETENTION_DAYS,
    description:
      'Days a closed application keeps its personal data and documents before they are removed; null keeps them forever',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RETENTION_DAYS)
  public retentionDays?: number | null;

  @ApiPropertyOptional({
    type: [ProcedureStepRequest],
    description: `The internal process, in order: none, or ${MIN_STEPS} to ${MAX_STEPS} steps whose budgets add up to processingHours`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => ProcedureStepRequest)
  public steps?: ProcedureStepRequest[];
}

/** Any of the creation fields but the code; null clears the result template, or keeps files forever. */
export class UpdateProcedureRequest extends PartialType(OmitType(CreateProcedureRequest, ['code'] as const), {
  skipNullProperties: false,
}) {}
