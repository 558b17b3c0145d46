import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RejectedLineDto {
  @ApiProperty({ description: 'Line number in the body, from 1' }) public line!: number;
  @ApiProperty() public error!: string;
}

export class ImportWarningDto {
  @ApiProperty({ enum: ['no_official_schedule'] }) public kind!: 'no_official_schedule';
  @ApiProperty({ type: [Number], description: 'Years replayed without an official schedule of days off' })
  public years!: number[];
  @ApiProperty() public message!: string;
}

export class ImportResultDto {
  @ApiProperty() public imported!: number;
  @ApiProperty({ description: 'Lines whose receipt code was already imported: nothing changed' })
  public skipped!: number;
  @ApiProperty({ type: [RejectedLineDto] }) public rejected!: RejectedLineDto[];
  @ApiPropertyOptional({ type: [ImportWarningDto], description: 'Present only when there is a warning' })
  public warnings?: ImportWarningDto[];
}
