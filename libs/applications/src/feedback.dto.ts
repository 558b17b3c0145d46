import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { COMPLAINT_ASPECTS, isLateFeedback } from '@onegate/persistence';
import type { Agency, Feedback } from '@onegate/persistence';

/** Feedback as its author and the agency's staff see it (docs/feedback.md). */
export class FeedbackDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ example: 'PA-7K3MQ9TX' }) public code!: string;
  @ApiProperty({ enum: ['feedback', 'petition'] }) public kind!: string;
  @ApiProperty() public agencyCode!: string;
  @ApiProperty() public agencyNameVi!: string;
  @ApiProperty() public agencyNameEn!: string;
  @ApiProperty({ nullable: true, type: String }) public applicationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) public aspect!: string | null;
  @ApiProperty({ description: 'About a file, on its reception, handling or lateness' })
  public complaint!: boolean;
  @ApiProperty() public anonymous!: boolean;
  @ApiProperty() public subject!: string;
  @ApiProperty() public body!: string;
  @ApiProperty({ nullable: true, type: String }) public contact!: string | null;
  @ApiProperty() public filedAt!: string;
  @ApiProperty() public dueAt!: string;
  @ApiProperty({ description: 'Unanswered past its due time' }) public overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) public answeredAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Staff only: who answered' })
  public answeredBy?: string | null;
  @ApiProperty({ nullable: true, type: String }) public answeredByRole!: string | null;
  @ApiProperty({ nullable: true, type: String }) public answer!: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Answered after its due time (null while unanswered)',
  })
  public answeredLate!: boolean | null;
  @ApiProperty({ nullable: true, enum: ['satisfied', 'not_satisfied'] }) public rating!: string | null;
  @ApiProperty({ nullable: true, type: String }) public ratedAt!: string | null;

  public static from(feedback: Feedback, agency: Agency, now: Date, staff: boolean): FeedbackDto {
    return {
      id: feedback.id,
      code: feedback.code,
      kind: feedback.kind,
      agencyCode: agency.code,
      agencyNameVi: agency.nameVi,
      agencyNameEn: agency.nameEn,
      applicationId: feedback.applicationId,
      aspect: feedback.aspect,
      complaint: isComplaint(feedback),
      anonymous: feedback.authorId === null,
      subject: feedback.subject,
      body: feedback.body,
      contact: feedback.contact,
      filedAt: feedback.filedAt.toISOString(),
      dueAt: feedback.dueAt.toISOString(),
      overdue: !feedback.answeredAt && now > feedback.dueAt,
      answeredAt: feedback.answeredAt?.toISOString() ?? null,
      ...(staff ? { answeredBy: feedback.answeredBy } : {}),
      answeredByRole: feedback.answeredByRole,
      answer: feedback.answer,
      answeredLate: feedback.answeredAt ? isLateFeedback(feedback, now) : null,
      rating: feedback.rating,
      ratedAt: feedback.ratedAt?.toISOString() ?? null,
    };
  }
}

/** What an anonymous author is given once, at filing: the code and the secret to follow it with. */
export class FiledFeedbackDto extends FeedbackDto {
  @ApiPropertyOptional({
    description: 'Anonymous feedback only: shown once, needed with the code to follow it',
  })
  public secret?: string;
}

const isComplaint = (feedback: Feedback): boolean =>
  feedback.applicationId !== null && feedback.aspect !== null && COMPLAINT_ASPECTS.includes(feedback.aspect);
