import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

import { LANGUAGES } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { IntegerBetween } from '@onegate/platform';
import { BREAKDOWN_GROUPINGS, DRILL_DOWN_FIGURES, EXPORT_FORMATS, STEP_TABLES } from '@onegate/reporting';
import type { BreakdownGrouping, DrillDownFigure, ExportFormat, StepTableKind } from '@onegate/reporting';

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

/** The open files now, of an agency and those below it (docs/metrics.md, "Workload"). */
export class WorkloadQueryDto {
  @ApiPropertyOptional({ description: 'Agency code: that agency and every agency below it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public agency?: string;
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

/** A figure's file list (docs/metrics.md, "Drill-down"): the figure, its scope and a keyset page. */
export class ReportFilesQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: DRILL_DOWN_FIGURES, description: 'The figure whose files are listed' })
  @IsIn(DRILL_DOWN_FIGURES)
  public figure!: DrillDownFigure;

  @ApiPropertyOptional({ enum: BREAKDOWN_GROUPINGS, description: 'With group: one group of a breakdown' })
  @IsOptional()
  @IsIn(BREAKDOWN_GROUPINGS)
  public groupBy?: BreakdownGrouping;

  @ApiPropertyOptional({ description: 'The group key of the breakdown (code, field, YYYY-MM, channel)' })
  @ValidateIf((query: ReportFilesQueryDto) => query.groupBy !== undefined || query.group !== undefined)
  @IsString()
  @MaxLength(255)
  public group?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  public cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @IntegerBetween(1, 500)
  public limit = 50;
}

export class ReportFilesExportQueryDto extends ReportFilesQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  public format!: ExportFormat;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi', description: 'Language of the column headers' })
  @IsOptional()
  @IsIn(LANGUAGES)
  public lang: Language = 'vi';
}
