import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { SummaryExportQueryDto } from '../reports/report.query';

/** A month of the years 1900 to 9999, `YYYY-MM`. */
export const MONTH_PATTERN = /^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$/;
const IsMonth = () => Matches(MONTH_PATTERN, { message: '$property must be a month written YYYY-MM' });

/** The open data's period, whole months both included, and perhaps one agency (docs/open-data.md). */
export class OpenDataQueryDto {
  @ApiProperty({ example: '2025-01', description: 'First month, YYYY-MM' })
  @IsMonth()
  public from!: string;

  @ApiProperty({
    example: '2025-12',
    description: 'Last month, YYYY-MM: at most 36 months, none after this one',
  })
  @IsMonth()
  public to!: string;

  @ApiPropertyOptional({ description: 'Agency code: that agency and those below it, each on its own lines' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  public agency?: string;
}

/** The same, as a file: the reports' `format` (csv or xlsx) and header language `lang`. */
export class OpenDataExportQueryDto extends IntersectionType(
  OpenDataQueryDto,
  PickType(SummaryExportQueryDto, ['format', 'lang'] as const),
) {}
