import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { QUEUE_HOLDERS, QUEUE_WAITING } from '@onegate/applications';
import type { QueueHolder, QueueWaiting } from '@onegate/applications';
import { APPLICATION_STATES } from '@onegate/domain';
import type { ApplicationState } from '@onegate/domain';
import { MAX_PAGE, MAX_PAGE_SIZE } from '@onegate/persistence';
import { IntegerBetween } from '@onegate/platform';

const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value);
const flag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class QueueQueryDto {
  @ApiPropertyOptional({
    description: 'One or more states, comma-separated (`state=received,in_progress`)',
    enum: APPLICATION_STATES,
    isArray: true,
    example: ['received', 'in_progress'],
  })
  @IsOptional()
  @Transform(list)
  @IsIn(APPLICATION_STATES, { each: true })
  public state?: ApplicationState[];

  @ApiPropertyOptional({ description: 'Procedure code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  public procedure?: string;

  @ApiPropertyOptional({
    description:
      'Files at this step (its position, from 1) of the process of `procedure`, which must be given',
  })
  @IsOptional()
  @IntegerBetween(1, 8)
  public step?: number;

  @ApiPropertyOptional({ description: 'Assigned clerk (user id)' })
  @IsOptional()
  @IsUUID()
  public assignee?: string;

  @ApiPropertyOptional({ description: 'Only files due within one day (or overdue)' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  public dueSoon?: boolean;

  @ApiPropertyOptional({ description: 'Only overdue files' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  public overdue?: boolean;

  @ApiPropertyOptional({
    description:
      'Search: a receipt code or its beginning, a 12-digit national ID number, a Vietnamese phone number (0912 345 678 or +84 912 345 678), or words of the applicant’s name (accents optional)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  public q?: string;

  @ApiPropertyOptional({
    description:
      'Who holds the file: me (the caller), none (nobody), agency (nobody, among the files of the caller’s own agency), or unit (its current step is held by the caller’s agency and role, and by no named person)',
    enum: QUEUE_HOLDERS,
  })
  @IsOptional()
  @IsIn(QUEUE_HOLDERS)
  public holder?: QueueHolder;

  @ApiPropertyOptional({
    description: 'citizen: files waiting for the citizen (a supplement asked for, or a fee due and unpaid)',
    enum: QUEUE_WAITING,
  })
  @IsOptional()
  @IsIn(QUEUE_WAITING)
  public waiting?: QueueWaiting;

  @ApiPropertyOptional({
    description: 'Finished files (returned, refused, withdrawn) too; left out by default',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  public finished?: boolean;

  @ApiPropertyOptional({
    description:
      'Staff: open lists the files on which the caller’s agency has a consultation to answer (their restricted view)',
    enum: ['open'],
  })
  @IsOptional()
  @IsIn(['open'])
  public consultation?: 'open';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  public cursor?: string;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @IntegerBetween(1, MAX_PAGE_SIZE)
  public limit = 20;

  @ApiPropertyOptional({ default: 1, description: 'Citizens: page of their own applications' })
  @IsOptional()
  @IntegerBetween(1, MAX_PAGE)
  public page = 1;
}

export class TrackRequestDto {
  @ApiProperty({ description: 'The receipt code' })
  @IsString()
  @MaxLength(64)
  public code!: string;

  @ApiProperty({ description: 'The applicant’s national ID number' })
  @Matches(/^\d{12}$/, { message: 'nationalId must be a 12-digit citizen ID number' })
  public nationalId!: string;
}
