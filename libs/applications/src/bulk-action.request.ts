import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

/** The actions the queue takes on several files at once (docs/applications.md, "Bulk actions"). */
export const BULK_ACTIONS = ['receive', 'assign', 'forward'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many files in one request. */
export const MAX_BULK_FILES = 100;

/** `POST /api/applications/bulk-actions`: one action on each of the files, one at a time. */
export class BulkActionRequest {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS, { message: `action must be one of: ${BULK_ACTIONS.join(', ')}` })
  public action!: BulkAction;

  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_BULK_FILES, description: 'Application ids' })
  @IsArray({ message: 'ids must be a list of application ids' })
  @ArrayMinSize(1, { message: 'ids must name at least one application' })
  @ArrayMaxSize(MAX_BULK_FILES, { message: `ids may name at most ${MAX_BULK_FILES} applications` })
  @IsUUID('all', { each: true, message: 'ids must hold application ids' })
  public ids!: string[];

  @ApiPropertyOptional({ description: 'assign: the staff member who takes the files' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a staff member id' })
  public assigneeId?: string;
}
