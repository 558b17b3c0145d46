import { ApiProperty } from '@nestjs/swagger';

import {
  ACTION_TABLE,
  DEFAULT_FEE_DUE,
  FEE_DUE_MOMENTS,
  mayTake,
  possibleActions,
  waitsForFee,
} from '@onegate/domain';
import { ACTIONS, APPLICATION_STATES, ROLES } from '@onegate/domain';
import type { Action, ActorRole, ApplicationState, Channel, FeeDue, Role } from '@onegate/domain';
import { ATTACHMENT_ORIGINS, hasStoredCopy, MESSAGE_FILES_PREFIX } from '@onegate/persistence';
import type {
  Application,
  ApplicationEvent,
  Attachment,
  AttachmentOrigin,
  JsonObject,
} from '@onegate/persistence';

import type { ConsultationDto } from './consultation.dto';

const MS_PER_HOUR = 3_600_000;
const CHANNELS: Channel[] = ['online', 'offline'];
const iso = (value: Date | null) => (value ? value.toISOString() : null);

export class ApplicationEventDto {
  @ApiProperty() public sequence!: number;
  @ApiProperty({ enum: ACTIONS }) public type!: Action;
  @ApiProperty() public at!: string;
  @ApiProperty({ nullable: true, type: String }) public actorId!: string | null;
  @ApiProperty({ enum: [...ROLES, 'system', 'import'] }) public actorRole!: ActorRole;
  @ApiProperty({ enum: CHANNELS }) public channel!: Channel;
  @ApiProperty({ nullable: true, enum: APPLICATION_STATES }) public fromState!: ApplicationState | null;
  @ApiProperty({ enum: APPLICATION_STATES }) public toState!: ApplicationState;
  @ApiProperty({ nullable: true, type: String }) public note!: string | null;
  @ApiProperty() public data!: JsonObject;

  /** An event's note is internal: staff read it, the applicant never does (docs/messages.md). */
  public static from(event: ApplicationEvent, viewerRole: Role): ApplicationEventDto {
    const { id: _id, applicationId: _applicationId, at, note, ...rest } = event;
    if (viewerRole !== 'citizen') return { ...rest, at: at.toISOString(), note };
    // The documents a transfer agency returned are the competent agency's (docs/applications.md, "Transfers").
    const { documents: _documents, ...data } = event.data;
    return { ...rest, data, at: at.toISOString(), note: null };
  }
}

/** Where a reused document was taken from: the citizen's earlier file and its document or result. */
export class AttachmentSourceDto {
  @ApiProperty({ nullable: true, type: String, description: "The earlier file's receipt code" })
  public code!: string | null;
  @ApiProperty({ nullable: true, type: String }) public applicationId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The document (or signed result) of that file it copies; null for an imported document',
  })
  public documentId!: string | null;
}

/**
 * Whether a document was returned by an agency holding a transferred step: read by the competent agency
 * and by the agency holding the file's current step, never by the applicant nor a consulted agency.
 */
export const returnedByTransfer = (file: Attachment): boolean =>
  file.returnedByAgencyId !== null && file.returnedByAgencyId !== undefined;

/** Where a document returned by a transfer agency comes from (docs/applications.md, "Transfers"). */
export class ReturnedByDto {
  @ApiProperty() public agencyId!: string;
  @ApiProperty({ description: "The transferred step's position" }) public step!: number;
  @ApiProperty({ nullable: true, type: String, description: "The step's Vietnamese name at the time" })
  public stepName!: string | null;
}

export class AttachmentDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ nullable: true, type: String }) public documentName!: string | null;
  @ApiProperty() public originalName!: string;
  @ApiProperty() public mediaType!: string;
  @ApiProperty() public sizeBytes!: number;
  @ApiProperty() public sha256!: string;
  @ApiProperty() public uploadedAt!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The sequence of the supplement request it was sent for, if any',
  })
  public supplementRequest!: number | null;
  @ApiProperty({ description: 'A paper document scanned or photographed at the counter at registration' })
  public digitised!: boolean;
  @ApiProperty({
    enum: ATTACHMENT_ORIGINS,
    description: 'How it came: sent online, scanned at the counter, reused from the store, issued by OneGate',
  })
  public origin!: AttachmentOrigin;
  @ApiProperty({
    nullable: true,
    type: AttachmentSourceDto,
    description: 'For a reused document: the file and document it was taken from',
  })
  public source!: AttachmentSourceDto | null;
  @ApiProperty({
    type: ReturnedByDto,
    nullable: true,
    description: 'The agency and transferred step that returned it with the file, or null',
  })
  public returnedBy!: ReturnedByDto | null;
  @ApiProperty({
    description: 'False for a document the historical import brought without its bytes: never downloadable',
  })
  public stored!: boolean;

  public static from(file: Attachment): AttachmentDto {
    const { id, documentName, originalName, mediaType, sizeBytes, sha256, supplementRequest, origin } = file;
    return {
      id,
      documentName,
      originalName,
      mediaType,
      sizeBytes,
      sha256,
      supplementRequest,
      digitised: origin === 'scanned',
      origin,
      stored: hasStoredCopy(file),
      source:
        origin === 'reused' && (file.sourceDocumentId !== null || file.sourceCode !== null)
          ? {
              code: file.sourceCode,
              applicationId: file.sourceApplicationId,
              documentId: file.sourceDocumentId,
            }
          : null,
      returnedBy: returnedByTransfer(file)
        ? {
            agencyId: file.returnedByAgencyId!,
            step: file.returnedAtStep ?? 0,
            stepName: file.returnedStepName ?? null,
          }
        : null,
      uploadedAt: file.uploadedAt.toISOString(),
    };
  }
}

export class ApplicationDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ nullable: true, type: String }) public code!: string | null;
  @ApiProperty() public procedureCode!: string;
  @ApiProperty() public procedureName!: { vi: string; en: string };
  @ApiProperty() public competentAgencyCode!: string;
  @ApiProperty({ nullable: true, type: String }) public receivingAgencyCode!: string | null;
  @ApiProperty({ enum: APPLICATION_STATES }) public state!: ApplicationState;
  @ApiProperty() public applicant!: { nationalId: string; fullName: string; email: string | null };
  @ApiProperty() public formData!: JsonObject;
  @ApiProperty({ enum: CHANNELS }) public submissionChannel!: Channel;
  @ApiProperty() public feeVnd!: number;
  @ApiProperty() public paid!: boolean;
  @ApiProperty({ enum: FEE_DUE_MOMENTS, description: 'When the fee is due (the procedure says)' })
  public feeDue!: FeeDue;
  @ApiProperty() public signed!: boolean;
  @ApiProperty({ nullable: true, type: String }) public outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) public assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) public submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public receivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public appointmentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public closedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When its personal data and documents were removed at the end of the retention period',
  })
  public anonymisedAt!: string | null;
  @ApiProperty({ description: 'Working hours spent waiting for supplements' }) public pausedHours!: number;
  @ApiProperty() public version!: number;
  @ApiProperty({ description: 'What the viewer may do now' }) public allowedActions!: Action[];
  @ApiProperty({ description: 'What the viewer could do now but for the unpaid fee' })
  public waitingForFee!: Action[];
  @ApiProperty({
    nullable: true,
    description: 'The current step of the procedure\'s process (docs/lifecycle.md, "Processing steps")',
  })
  public step!: {
    id: string;
    position: number;
    agencyId: string;
    role: string;
    holderId: string | null;
    startedAt: string | null;
    dueAt: string | null;
    /** The step's names: given in the staff queue. */
    nameVi?: string;
    nameEn?: string;
  } | null;
  @ApiProperty({
    description:
      "Seen only as the agency holding the file's current step: without the applicant's national ID number, e-mail or form answers",
  })
  public restricted!: boolean;
  @ApiProperty({ type: [ApplicationEventDto], required: false }) public events?: ApplicationEventDto[];
  @ApiProperty({ type: [AttachmentDto], required: false }) public attachments?: AttachmentDto[];
  @ApiProperty({
    type: 'array',
    required: false,
    description: 'Staff: the agencies consulted and their answers (docs/applications.md, "Consultations")',
  })
  public consultations?: ConsultationDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    required: false,
    description: 'When the owner first downloaded the signed result (not an event: docs/documents.md)',
  })
  public firstDownloadedAt?: string | null;

  public static from(
    application: Application,
    viewerRole: Role,
    history?: {
      events: ApplicationEvent[];
      attachments: Attachment[];
      firstDownloadedAt?: Date | null;
      consultations?: ConsultationDto[];
    },
    restricted = false,
  ): ApplicationDto {
    const feeDue = application.procedure!.feeDue ?? DEFAULT_FEE_DUE;
    const possible = possibleActions(application).filter(
      (action) =>
        mayTake(action, viewerRole) &&
        !takenOnlyAsConsulted(action, viewerRole) &&
        (!restricted || takenAtTheStep(action, viewerRole)),
    );
    const dto: ApplicationDto = {
      id: application.id,
      code: application.code,
      procedureCode: application.procedure!.code,
      procedureName: { vi: application.procedure!.nameVi, en: application.procedure!.nameEn },
      competentAgencyCode: application.competentAgency!.code,
      receivingAgencyCode: application.receivingAgency?.code ?? null,
      state: application.state,
      applicant: {
        nationalId: application.applicantNationalId,
        fullName: application.applicantName,
        email: application.applicantEmail,
      },
      formData: application.formData,
      submissionChannel: application.submissionChannel,
      feeVnd: application.feeVnd,
      paid: application.paid,
      feeDue,
      signed: application.signed,
      outcome: application.outcome,
      assigneeId: application.assigneeId,
      submittedAt: iso(application.submittedAt),
      receivedAt: iso(application.receivedAt),
      dueAt: iso(application.dueAt),
      appointmentAt: iso(application.appointmentAt),
      decidedAt: iso(application.decidedAt),
      closedAt: iso(application.closedAt),
      anonymisedAt: iso(application.anonymisedAt),
      pausedHours: application.pausedMs / MS_PER_HOUR,
      version: application.version,
      allowedActions: possible.filter((action) => !waitsForFee(action, application, feeDue)),
      waitingForFee: possible.filter((action) => waitsForFee(action, application, feeDue)),
      ...(history
        ? {
            events: history.events.map((event) => ApplicationEventDto.from(event, viewerRole)),
            // A message's files belong to the thread (docs/messages.md), not to the file's documents; what
            // a transfer agency returned is not shown to the applicant (docs/applications.md, "Transfers").
            attachments: history.attachments
              .filter((file) => !file.documentName?.startsWith(MESSAGE_FILES_PREFIX))
              .filter((file) => viewerRole !== 'citizen' || !returnedByTransfer(file))
              .map(AttachmentDto.from),
            firstDownloadedAt: iso(history.firstDownloadedAt ?? null),
            ...(viewerRole === 'citizen' ? {} : { consultations: history.consultations ?? [] }),
          }
        : {}),
      step: stepOf(application),
      restricted,
    };
    return restricted ? withoutPersonalData(dto) : dto;
  }
}

/** Whether staff reaching the file only through its current step may take the action. */
/** An answer to a consultation is taken from the consulted agency's own view, never from the whole file. */
function takenOnlyAsConsulted(action: Action, role: Role): boolean {
  return ACTION_TABLE[action].takenBy[role] === 'consulted';
}

function takenAtTheStep(action: Action, role: Role): boolean {
  const reach = ACTION_TABLE[action].takenBy[role];
  return reach !== undefined && (typeof reach === 'string' ? reach === 'step' : reach.includes('step'));
}

function stepOf(application: Application): ApplicationDto['step'] {
  if (application.stepPosition === null || !application.stepId) return null;
  return {
    id: application.stepId,
    position: application.stepPosition,
    agencyId: application.stepAgencyId!,
    role: application.stepRole!,
    holderId: application.stepHolderId,
    startedAt: iso(application.stepStartedAt),
    dueAt: iso(application.stepDueAt),
  };
}

/** The restricted view of a transfer (docs/lifecycle.md, "Processing steps"): nothing personal but the name. */
function withoutPersonalData(dto: ApplicationDto): ApplicationDto {
  return {
    ...dto,
    applicant: { nationalId: '', fullName: dto.applicant.fullName, email: null },
    formData: {},
  };
}

/** What the public tracking page shows for a code and national ID pair: no personal data, no form. */
export class TrackingDto {
  @ApiProperty() public code!: string;
  @ApiProperty() public procedureName!: { vi: string; en: string };
  @ApiProperty({ enum: APPLICATION_STATES }) public state!: ApplicationState;
  @ApiProperty({ nullable: true, type: String }) public dueAt!: string | null;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['type', 'at', 'toState'],
      properties: {
        type: { type: 'string', enum: [...ACTIONS] },
        at: { type: 'string' },
        toState: { type: 'string', enum: [...APPLICATION_STATES] },
      },
    },
  })
  public timeline!: { type: Action; at: string; toState: ApplicationState }[];

  public static from(application: Application, events: ApplicationEvent[]): TrackingDto {
    return {
      code: application.code!,
      procedureName: { vi: application.procedure!.nameVi, en: application.procedure!.nameEn },
      state: application.state,
      dueAt: iso(application.dueAt),
      timeline: events.map((event) => ({
        type: event.type,
        at: event.at.toISOString(),
        toState: event.toState,
      })),
    };
  }
}
