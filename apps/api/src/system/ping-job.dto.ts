import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PingJobRequest {
  @ApiPropertyOptional({ description: 'Free text carried through the queue and stored by the worker' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  public note?: string;
}

export class PingJobStatus {
  @ApiProperty() public jobId!: string;
  @ApiProperty({ description: 'BullMQ state, or "processed" once the worker has recorded it' })
  public state!: string;
  @ApiProperty({ nullable: true, type: String }) public processedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public note!: string | null;
}
