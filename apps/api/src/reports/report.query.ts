import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

import { LANGUAGES, STEP_ROLES } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import { IntegerBetween } from '@onegate/platform';
import {
  BREAKDOWN_GROUPINGS,
  DRILL_DOWN_FIGURES,
  EXPORT_FORMATS,
  STEP_FILE_FIGURES,
  STEP_TABLES,
} from '@onegate/reporting';
import type {
  BreakdownGrouping,
  DrillDownFigure,
  ExportFormat,
  StepFileFigure,
  StepTableKind,
} from '@onegate/reporting';

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

/** A drill-down list's scope beyond the report's: a breakdown group and a keyset page (docs/metrics.md, "Drill-down"). */
export class DrillDownQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: BREAKDOWN_GROUPINGS, description: 'With group: one group of a breakdown' })
  @IsOptional()
  @IsIn(BREAKDOWN_GROUPINGS)
  public groupBy?: BreakdownGrouping;

  @ApiPropertyOptional({ description: 'The group key of the breakdown (code, field, YYYY-MM, channel)' })
  @ValidateIf((query: DrillDownQueryDto) => query.groupBy !== undefined || query.group !== undefined)
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

/** A figure's file list (docs/metrics.md, "Drill-down"): the figure, its scope and a keyset page. */
export class ReportFilesQueryDto extends DrillDownQueryDto {
  @ApiProperty({ enum: DRILL_DOWN_FIGURES, description: 'The figure whose files are listed' })
  @IsIn(DRILL_DOWN_FIGURES)
  public figure!: DrillDownFigure;
}

/** The language and format of a list's download. */
class ListExport {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  public format!: ExportFormat;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi', description: 'Language of the column headers' })
  @IsOptional()
  @IsIn(LANGUAGES)
  public lang: Language = 'vi';
}

export class ReportFilesExportQueryDto extends IntersectionType(ReportFilesQueryDto, ListExport) {}

/**
 * The stretches behind a step figure (docs/metrics.md, "Drill-down from the step figures"): a step line
 * (`step` and `stepName`, with `procedure`), a unit line (`unit` and `role`), a breakdown group or the
 * whole scope.
 */
export class StepFilesQueryDto extends DrillDownQueryDto {
  @ApiProperty({
    enum: STEP_FILE_FIGURES,
    description: 'All stretches, the late ones, or those at other agencies',
  })
  @IsIn(STEP_FILE_FIGURES)
  public figure!: StepFileFigure;

  @ApiPropertyOptional({ description: "The step's position (a step line of the step report)" })
  @IsOptional()
  @IntegerBetween(1, 8)
  public step?: number;

  @ApiPropertyOptional({ description: "The step's name, as the step report gives it" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  public stepName?: string;

  @ApiPropertyOptional({ description: 'The holding agency code (a unit line of the step report)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public unit?: string;

  @ApiPropertyOptional({ enum: STEP_ROLES, description: 'The holding role (a unit line)' })
  @IsOptional()
  @IsIn(STEP_ROLES)
  public role?: (typeof STEP_ROLES)[number];
}

export class StepFilesExportQueryDto extends IntersectionType(StepFilesQueryDto, ListExport) {}
