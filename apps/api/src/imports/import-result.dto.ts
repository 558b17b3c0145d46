import { ApiProperty } from '@nestjs/swagger';

export class RejectedLineDto {
  @ApiProperty({ description: 'Line number in the body, from 1' }) public line!: number;
  @ApiProperty() public error!: string;
}

export class ImportResultDto {
  @ApiProperty() public imported!: number;
  @ApiProperty({ description: 'Lines whose receipt code was already imported: nothing changed' })
  public skipped!: number;
  @ApiProperty({ type: [RejectedLineDto] }) public rejected!: RejectedLineDto[];
}
