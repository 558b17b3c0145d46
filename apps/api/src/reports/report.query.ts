import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { BREAKDOWN_GROUPINGS, EXPORT_FORMATS, STEP_TABLES } from '@onegate/reporting';
import type { BreakdownGrouping, ExportFormat, StepTableKind } from '@onegate/reporting';

import { IsLocalDate } from '../calendar/calendar.validators';

/** A report's period (inclusive local dates of the agency) and filters. */
export class ReportQueryDto {
  @ApiProperty({ example: '2025-01-01', description: 'First local date, YYYY-MM-DD' })
  @IsLocalDate()
  public from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last local date, YYYY-MM-DD' })
  @IsLocalDate()
  public to!: string;

  @ApiPropertyOptional({ description: 'Agency code: that agency and every agency below it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public agency?: string;

  @ApiPropertyOptional({ description: 'Procedure code' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public procedure?: string;
}

export class BreakdownQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: BREAKDOWN_GROUPINGS })
  @IsIn(BREAKDOWN_GROUPINGS)
  public groupBy!: BreakdownGrouping;
}

export class SummaryExportQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  public format!: ExportFormat;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi', description: 'Language of the column headers' })
  @IsOptional()
  @IsIn(LANGUAGES)
  public lang: Language = 'vi';
}

export class BreakdownExportQueryDto extends SummaryExportQueryDto {
  @ApiProperty({ enum: BREAKDOWN_GROUPINGS })
  @IsIn(BREAKDOWN_GROUPINGS)
  public groupBy!: BreakdownGrouping;
}

export class StepExportQueryDto extends SummaryExportQueryDto {
  @ApiPropertyOptional({
    enum: STEP_TABLES,
    default: 'step',
    description: 'Per step, holding unit or agency',
  })
  @IsOptional()
  @IsIn(STEP_TABLES)
  public by: StepTableKind = 'step';
}
