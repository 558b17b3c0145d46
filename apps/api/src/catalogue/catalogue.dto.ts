import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { Agency, MAX_PAGE, MAX_PAGE_SIZE, Procedure, ProcedureStep } from '@onegate/persistence';
import type { OnlineLevel, Page } from '@onegate/persistence';
import { FEE_DUE_MOMENTS } from '@onegate/domain';
import type { FeeDue } from '@onegate/domain';
import { IntegerBetween } from '@onegate/platform';

export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IntegerBetween(1, MAX_PAGE)
  public page = 1;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @IntegerBetween(1, MAX_PAGE_SIZE)
  public pageSize = 20;
}

export class ProcedureQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Words to find in the code or names; accents and case are ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  public q?: string;

  @ApiPropertyOptional({ description: 'Field (lĩnh vực), exactly' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  public field?: string;

  @ApiPropertyOptional({ description: 'Code of the competent agency' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  public agency?: string;

  @ApiPropertyOptional({ enum: ['full', 'partial', 'offline'] })
  @IsOptional()
  @IsIn(['full', 'partial', 'offline'])
  public onlineLevel?: OnlineLevel;

  @ApiPropertyOptional({ default: false, description: 'Also list retired procedures' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  public includeRetired?: boolean;
}

export class AgencyDto {
  @ApiProperty({ description: 'What a consultation names the agency by (docs/applications.md)' })
  public id!: string;
  @ApiProperty() public code!: string;
  @ApiProperty({ nullable: true, type: String }) public parentCode!: string | null;
  @ApiProperty() public level!: string;
  @ApiProperty() public nameVi!: string;
  @ApiProperty() public nameEn!: string;
  @ApiProperty() public timeZone!: string;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['start', 'end'],
      properties: { start: { type: 'string', example: '07:30' }, end: { type: 'string', example: '11:30' } },
    },
  })
  public officeHours!: { start: string; end: string }[];

  public static from(agency: Agency, codeOf: (id: string) => string | null): AgencyDto {
    return {
      id: agency.id,
      code: agency.code,
      parentCode: agency.parentId ? codeOf(agency.parentId) : null,
      level: agency.level,
      nameVi: agency.nameVi,
      nameEn: agency.nameEn,
      timeZone: agency.timeZone,
      officeHours: agency.officeHours,
    };
  }
}

/** One step of the procedure's internal process, with its budget of working hours. */
export class ProcedureStepDto {
  @ApiProperty() public position!: number;
  @ApiProperty() public nameVi!: string;
  @ApiProperty() public nameEn!: string;
  @ApiProperty({ enum: ['clerk', 'supervisor'] }) public holderRole!: string;
  @ApiProperty({ nullable: true, type: String, description: "null: the competent agency's step" })
  public holderAgencyId!: string | null;
  @ApiProperty({ description: 'Working hours' }) public budgetHours!: number;

  public static from(step: ProcedureStep): ProcedureStepDto {
    return {
      position: step.position,
      nameVi: step.nameVi,
      nameEn: step.nameEn,
      holderRole: step.holderRole,
      holderAgencyId: step.holderAgencyId,
      budgetHours: step.budgetHours,
    };
  }
}

export class ProcedureDto {
  @ApiProperty() public code!: string;
  @ApiProperty() public nameVi!: string;
  @ApiProperty() public nameEn!: string;
  @ApiProperty() public field!: string;
  @ApiProperty() public agencyCode!: string;
  @ApiProperty({ description: 'Processing time in working hours (8 a working day)' })
  public processingHours!: number;
  @ApiProperty({ enum: ['full', 'partial', 'offline'] }) public onlineLevel!: OnlineLevel;
  @ApiProperty({ description: 'Fee in VND' }) public feeVnd!: number;
  @ApiProperty({ enum: FEE_DUE_MOMENTS, description: 'When the fee is due' }) public feeDue!: FeeDue;
  @ApiProperty({ enum: ['pause', 'restart'] }) public supplementPolicy!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'The documents an application needs',
  })
  public requiredDocuments!: Procedure['requiredDocuments'];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The fields of the form' })
  public formSchema!: Procedure['formSchema'];
  @ApiProperty({ nullable: true, type: String }) public resultTemplate!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Days a closed application keeps its personal data and documents; null: forever',
  })
  public retentionDays!: number | null;
  @ApiProperty() public retired!: boolean;
  @ApiProperty({ type: [ProcedureStepDto], description: 'The internal process; empty when it has none' })
  public steps!: ProcedureStepDto[];

  public static from(procedure: Procedure, steps: readonly ProcedureStep[] = []): ProcedureDto {
    return {
      code: procedure.code,
      nameVi: procedure.nameVi,
      nameEn: procedure.nameEn,
      field: procedure.field,
      agencyCode: procedure.agency!.code,
      processingHours: procedure.processingHours,
      onlineLevel: procedure.onlineLevel,
      feeVnd: procedure.feeVnd,
      feeDue: procedure.feeDue,
      supplementPolicy: procedure.supplementPolicy,
      requiredDocuments: procedure.requiredDocuments,
      formSchema: procedure.formSchema,
      resultTemplate: procedure.resultTemplate,
      retentionDays: procedure.retentionDays,
      retired: procedure.retiredAt !== null,
      steps: steps.map((step) => ProcedureStepDto.from(step)),
    };
  }
}

export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function mapPage<T, R>(page: Page<T>, map: (item: T) => R): PageDto<R> {
  return { ...page, items: page.items.map(map) };
}
