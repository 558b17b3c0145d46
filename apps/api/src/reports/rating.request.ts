import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { NumberFromText } from '@onegate/platform';

/** A citizen's rating of their returned application: 1 (very unhappy) to 5 (very satisfied). */
export class RatingRequest {
  // Required, but checked after the application is found: a file the caller cannot see is a 404 first.
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(5)
  public score?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  public comment?: string;
}

export class RatingDto {
  @ApiProperty() public applicationId!: string;
  @ApiProperty() public score!: number;
  @ApiProperty({ nullable: true, type: String }) public comment!: string | null;
  @ApiProperty() public ratedAt!: string;
}
