import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, Max, Min, ValidateNested } from 'class-validator';

import { CRITERIA, GROUP_IDS } from '@onegate/reporting';
import type { CriterionId, GroupId } from '@onegate/reporting';

import { IsLocalDate } from '../calendar/calendar.validators';
import { ReportQueryDto, SummaryExportQueryDto } from './report.query';

/** The service index's period and unit (docs/decision-766.md): the reports' period and agency. */
export class ServiceIndexQueryDto extends PickType(ReportQueryDto, ['from', 'to', 'agency'] as const) {}

export class ServiceIndexExportQueryDto extends IntersectionType(
  ServiceIndexQueryDto,
  PickType(SummaryExportQueryDto, ['format', 'lang'] as const),
) {}

const SCORED_IDS = CRITERIA.filter((criterion) => criterion.scored).map((criterion) => criterion.id);

export class GroupScoringDto {
  @ApiProperty({ enum: GROUP_IDS })
  @IsIn(GROUP_IDS)
  public id!: GroupId;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  public max!: number;

  @ApiProperty({ description: 'The figure comes from a government or legal source' })
  @IsBoolean()
  public confirmed!: boolean;
}

export class CriterionScoringDto {
  @ApiProperty({ enum: SCORED_IDS })
  @IsIn(SCORED_IDS)
  public id!: CriterionId;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  public max!: number;

  @ApiProperty({
    minimum: 0.01,
    maximum: 1,
    description: 'The rate from which the maximum is given; below it, rate × max / fullAt (1: linear)',
  })
  @IsNumber()
  @Min(0.01)
  @Max(1)
  public fullAt!: number;

  @ApiProperty({ description: 'The figure comes from a government or legal source' })
  @IsBoolean()
  public confirmed!: boolean;
}

/** A new version of the scoring table (docs/decision-766.md, "Changing the scoring table"). */
export class ScoringTableRequest {
  @ApiProperty({ example: '2027-01-01', description: 'The first local date of the periods it scores' })
  @IsLocalDate()
  public effectiveFrom!: string;

  @ApiProperty({ type: [GroupScoringDto] })
  @IsArray()
  @ArrayMaxSize(GROUP_IDS.length)
  @ValidateNested({ each: true })
  @Type(() => GroupScoringDto)
  public groups!: GroupScoringDto[];

  @ApiProperty({ type: [CriterionScoringDto] })
  @IsArray()
  @ArrayMaxSize(SCORED_IDS.length)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoringDto)
  public criteria!: CriterionScoringDto[];
}
