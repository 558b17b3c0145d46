import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateIf } from 'class-validator';

import { FEEDBACK_ASPECTS, FEEDBACK_KINDS, FEEDBACK_RATINGS } from '@onegate/persistence';
import type { FeedbackAspect, FeedbackKind, FeedbackRating } from '@onegate/persistence';

/** Texts' lengths are checked by the service, which names the limit in plain words (docs/feedback.md). */
export class FileFeedbackRequest {
  @ApiProperty({ enum: FEEDBACK_KINDS })
  @IsIn(FEEDBACK_KINDS, { message: 'kind must be feedback or petition' })
  public kind!: FeedbackKind;

  @ApiPropertyOptional({ description: 'One of the citizen’s files; or agencyCode' })
  @IsOptional()
  @IsUUID('all', { message: 'applicationId must be the id of one of your files' })
  public applicationId?: string;

  @ApiPropertyOptional({ description: 'The agency the feedback is about, when it is about no file' })
  @IsOptional()
  @IsString()
  public agencyCode?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_ASPECTS, description: 'Required for feedback about a file' })
  @IsOptional()
  @IsIn(FEEDBACK_ASPECTS, { message: 'aspect must be reception, handling, lateness or other' })
  public aspect?: FeedbackAspect;

  @ApiProperty()
  @IsString()
  public subject!: string;

  @ApiProperty()
  @IsString()
  public body!: string;
}

/** Anonymous feedback is about an agency only, never a file. */
export class AnonymousFeedbackRequest {
  @ApiProperty({ enum: FEEDBACK_KINDS })
  @IsIn(FEEDBACK_KINDS, { message: 'kind must be feedback or petition' })
  public kind!: FeedbackKind;

  @ApiProperty()
  @IsString()
  public agencyCode!: string;

  @ApiProperty()
  @IsString()
  public subject!: string;

  @ApiProperty()
  @IsString()
  public body!: string;

  @ApiPropertyOptional({ description: 'An e-mail address or phone number to be answered at' })
  @IsOptional()
  @IsString()
  public contact?: string;

  @ApiPropertyOptional({ description: 'Refused: anonymous feedback cannot be about a file' })
  @IsOptional()
  public applicationId?: unknown;
}

export class FeedbackFollowUpRequest {
  @ApiProperty({ example: 'PA-7K3MQ9TX' })
  @IsString()
  public code!: string;

  @ApiProperty()
  @IsString()
  public secret!: string;
}

export class FeedbackRatingRequest {
  @ApiProperty({ enum: FEEDBACK_RATINGS })
  @IsIn(FEEDBACK_RATINGS, { message: 'rating must be satisfied or not_satisfied' })
  public rating!: FeedbackRating;
}

export class AnonymousFeedbackRatingRequest extends FeedbackFollowUpRequest {
  @ApiProperty({ enum: FEEDBACK_RATINGS })
  @IsIn(FEEDBACK_RATINGS, { message: 'rating must be satisfied or not_satisfied' })
  public rating!: FeedbackRating;
}

export class FeedbackAnswerRequest {
  @ApiProperty()
  @IsString()
  public answer!: string;
}

export class FeedbackDaysRequest {
  @ApiProperty({
    nullable: true,
    type: 'integer',
    minimum: 1,
    maximum: 60,
    description: 'null follows FEEDBACK_DAYS',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'feedbackDays must be a whole number of working days, or null' })
  @Min(1, { message: 'feedbackDays must be at least 1' })
  @Max(60, { message: 'feedbackDays must be at most 60' })
  public feedbackDays!: number | null;
}
