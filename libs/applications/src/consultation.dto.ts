import { ApiProperty } from '@nestjs/swagger';

import { APPLICATION_STATES, possibleActions } from '@onegate/domain';
import type { Action, ApplicationState } from '@onegate/domain';
import { isLateConsultation, MESSAGE_FILES_PREFIX } from '@onegate/persistence';
import type { Agency, Application, Attachment, Consultation } from '@onegate/persistence';

import { AttachmentDto, returnedByTransfer } from './application.dto';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** One agency's consultation on a file, with its answer once given (docs/applications.md, "Consultations"). */
export class ConsultationDto {
  @ApiProperty() public id!: string;
  @ApiProperty() public agencyId!: string;
  @ApiProperty() public agencyCode!: string;
  @ApiProperty() public agencyName!: { vi: string; en: string };
  @ApiProperty() public askedBy!: string;
  @ApiProperty() public question!: string;
  @ApiProperty() public askedAt!: string;
  @ApiProperty() public answerDueAt!: string;
  @ApiProperty({ nullable: true, type: String }) public answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public answeredBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) public answeredByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) public opinion!: string | null;
  @ApiProperty({ description: 'Answered after its due time, or still unanswered past it' })
  public late!: boolean;

  public static from(
    consultation: Consultation,
    agency: Agency | undefined,
    answeredByName: string | null,
    now: Date,
  ): ConsultationDto {
    return {
      id: consultation.id,
      agencyId: consultation.agencyId,
      agencyCode: agency?.code ?? '',
      agencyName: { vi: agency?.nameVi ?? '', en: agency?.nameEn ?? '' },
      askedBy: consultation.askedBy,
      question: consultation.question,
      askedAt: consultation.askedAt.toISOString(),
      answerDueAt: consultation.answerDueAt.toISOString(),
      answeredAt: iso(consultation.answeredAt),
      answeredBy: consultation.answeredBy,
      answeredByName,
      opinion: consultation.opinion,
      late: isLateConsultation(consultation, now),
    };
  }
}

/**
 * What staff of a consulted agency see of a file outside their scope: the procedure, the receipt code,
 * the documents and their own agency's consultations; never the applicant's national ID number,
 * address or form answers.
 */
export class ConsultedFileDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ enum: ['consulted'] }) public view!: 'consulted';
  @ApiProperty({ nullable: true, type: String }) public code!: string | null;
  @ApiProperty() public procedureCode!: string;
  @ApiProperty() public procedureName!: { vi: string; en: string };
  @ApiProperty() public competentAgencyCode!: string;
  @ApiProperty({ enum: APPLICATION_STATES }) public state!: ApplicationState;
  @ApiProperty() public version!: number;
  @ApiProperty({ description: 'What the viewer may do now: answer their consultation' })
  public allowedActions!: Action[];
  @ApiProperty({ type: [AttachmentDto], required: false }) public attachments?: AttachmentDto[];
  @ApiProperty({ type: [ConsultationDto] }) public consultations!: ConsultationDto[];

  public static from(
    application: Application,
    consultations: ConsultationDto[],
    attachments?: Attachment[],
  ): ConsultedFileDto {
    const open = consultations.some((consultation) => consultation.answeredAt === null);
    const mayAnswer = open && possibleActions(application).includes('answer_consultation');
    // A message's files belong to the applicant's thread, which a consulted agency does not read; what a
    // transfer agency returned is the competent agency's (docs/applications.md, "Transfers").
    const documents = attachments?.filter(
      (file) => !file.documentName?.startsWith(MESSAGE_FILES_PREFIX) && !returnedByTransfer(file),
    );
    return {
      id: application.id,
      view: 'consulted',
      code: application.code,
      procedureCode: application.procedure!.code,
      procedureName: { vi: application.procedure!.nameVi, en: application.procedure!.nameEn },
      competentAgencyCode: application.competentAgency!.code,
      state: application.state,
      version: application.version,
      allowedActions: mayAnswer ? ['answer_consultation'] : [],
      ...(documents ? { attachments: documents.map(AttachmentDto.from) } : {}),
      consultations,
    };
  }
}
