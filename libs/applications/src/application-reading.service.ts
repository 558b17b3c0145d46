import { timingSafeEqual } from 'node:crypto';

import { Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import type { ApplicationState } from '@onegate/domain';
import {
  AgencyRepository,
  ApplicationRepository,
  ConsultationRepository,
  IssuedResultRepository,
  ProcedureRepository,
  ProcedureStepRepository,
  UserRepository,
} from '@onegate/persistence';
import type {
  Application,
  ApplicationEvent,
  Attachment,
  Procedure,
  ProcedureStep,
} from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { AgencyScopeService } from './agency-scope.service';
import type { ActionOutcome } from './application-actions.service';
import { ApplicationAccessService } from './application-access.service';
import { ApplicationDto, TrackingDto } from './application.dto';
import { ConsultationDto, ConsultedFileDto } from './consultation.dto';
import { invalidFields } from './application-errors';
import { excludedStatesOf, queueSearchFilter, searchesTheApplicant } from './queue-search';
import type { QueueHolder, QueueWaiting } from './queue-search';

export interface QueueQuery {
  state?: ApplicationState[];
  procedure?: string;
  assignee?: string;
  dueSoon?: boolean;
  overdue?: boolean;
  /** One search box: a receipt code (or its beginning) or a national ID number (docs/applications.md). */
  q?: string;
  /**
   * Files the caller holds (me), nobody holds (none), nobody holds among their agency's (agency), or
   * whose current step the caller's unit holds with no named holder (unit).
   */
  holder?: QueueHolder;
  /** Files at this step (position) of the process of `procedure`, which must be named with it. */
  step?: number;
  /** Files waiting for the citizen: a supplement asked for, or a fee due and unpaid. */
  waiting?: QueueWaiting;
  /** Finished files (returned, refused, withdrawn) too; they are left out otherwise. */
  finished?: boolean;
  cursor?: string;
  limit: number;
}

const DUE_SOON_MS = 24 * 3_600_000;
const WAITING: ApplicationState[] = ['submitted', 'received', 'in_progress', 'supplement_requested'];

@Injectable()
export class ApplicationReadingService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly procedures: ProcedureRepository,
    private readonly access: ApplicationAccessService,
    private readonly scopes: AgencyScopeService,
    private readonly results: IssuedResultRepository,
    private readonly consultations: ConsultationRepository,
    private readonly agencies: AgencyRepository,
    private readonly clock: Clock,
    private readonly users: UserRepository,
    private readonly steps: ProcedureStepRepository,
  ) {}

  /** The whole file, for those who see it whole. */
  public async get(user: AuthenticatedUser, id: string): Promise<ApplicationDto> {
    const application = await this.access.assertVisible(user, await this.applications.findById(id));
    const [events, attachments] = await Promise.all([
      this.applications.eventsOf(id),
      this.applications.attachmentsOf(id),
    ]);
    return this.withHistory(user, application, events, attachments);
  }

  /** The file as the user sees it: whole, or as a consulted agency (docs/applications.md, "Consultations"). */
  public async read(user: AuthenticatedUser, id: string): Promise<ApplicationDto | ConsultedFileDto> {
    const { application, view } = await this.access.assertReached(user, await this.applications.findById(id));
    if (view === 'full') return this.get(user, id);
    return this.consultedView(user, application, await this.applications.attachmentsOf(id));
  }

  /** The answer to an action: the application as the action left it, from what the action read. */
  public async afterAction(
    user: AuthenticatedUser,
    outcome: ActionOutcome,
  ): Promise<ApplicationDto | ConsultedFileDto> {
    // An answer closes the agency's consultation: the view it answered from is the last one it gets.
    const answered = outcome.events.at(-1)?.type === 'answer_consultation';
    const reached = await this.access.viewOf(user, outcome.application);
    // A transfer forwarded back leaves the other agency's reach: it learns where the file went, no more.
    if (!reached && !answered) return ApplicationDto.from(outcome.application, user.role, undefined, true);
    const view = reached ?? 'consulted';
    const application = outcome.application;
    const attachments = outcome.attachments ?? (await this.applications.attachmentsOf(application.id));
    if (view === 'consulted') return this.consultedView(user, application, attachments);
    return this.withHistory(user, application, outcome.events, attachments);
  }

  /** Whether the user still reaches the file (an action may have taken it out of their reach). */
  public sees(user: AuthenticatedUser, application: Application): Promise<boolean> {
    return this.access.canSee(user, application);
  }

  /** The file's consultations: all of them for its own staff, the viewer agency's own otherwise. */
  public async consultationsOf(applicationId: string, ofAgencyId?: string): Promise<ConsultationDto[]> {
    const all = await this.consultations.ofFile(applicationId);
    const shown = ofAgencyId ? all.filter((consultation) => consultation.agencyId === ofAgencyId) : all;
    const agencies = await this.agencies.findByIds([...new Set(shown.map((each) => each.agencyId))]);
    const now = this.clock.now();
    const names = new Map<string, string>();
    for (const userId of new Set(shown.flatMap((each) => (each.answeredBy ? [each.answeredBy] : [])))) {
      names.set(userId, (await this.users.findById(userId))?.fullName ?? '');
    }
    return shown.map((consultation) =>
      ConsultationDto.from(
        consultation,
        agencies.find((agency) => agency.id === consultation.agencyId),
        consultation.answeredBy ? (names.get(consultation.answeredBy) ?? null) : null,
        now,
      ),
    );
  }

  private async consultedView(
    user: AuthenticatedUser,
    application: Application,
    attachments: Attachment[],
  ): Promise<ConsultedFileDto> {
    const consultations = await this.consultationsOf(application.id, user.agencyId ?? undefined);
    return ConsultedFileDto.from(application, consultations, attachments);
  }

  /** The files the staff member's agency is consulted on and has not answered yet, soonest due first. */
  public async consultedQueue(staff: AuthenticatedUser, limit: number) {
    const ids = staff.agencyId ? await this.consultations.openFilesOf(staff.agencyId, limit) : [];
    const items: ConsultedFileDto[] = [];
    for (const id of ids) {
      const application = await this.applications.findById(id);
      if (!application) continue;
      items.push(ConsultedFileDto.from(application, await this.consultationsOf(id, staff.agencyId!)));
    }
    return { items, nextCursor: null };
  }

  public async mine(citizen: AuthenticatedUser, page: number, pageSize: number) {
    const [items, total] = await this.applications.listOfApplicant(citizen.id, { page, pageSize });
    return { items: items.map((item) => ApplicationDto.from(item, 'citizen')), total, page, pageSize };
  }

  /** A staff queue: soonest due first, with a cursor for the next page. */
  public async queue(staff: AuthenticatedUser, query: QueueQuery) {
    const scope = await this.scopes.scopeOf(staff);
    const procedure = query.procedure ? await this.procedures.findByCode(query.procedure) : null;
    if (query.procedure && !procedure) {
      throw invalidFields([{ field: 'procedure', problems: [`no procedure ${query.procedure}`] }]);
    }
    await this.assertStepOf(procedure, query.step);
    const now = Date.now();
    const dueBefore = query.overdue ? new Date(now) : query.dueSoon ? new Date(now + DUE_SOON_MS) : undefined;
    const search = queueSearchFilter(query.q);
    // A file reached only through a transferred step matches by its receipt code alone: its applicant's
    // number or name must not be learnt by searching (docs/applications.md, "Finding a file in the queue").
    const reachesTransfers = scope !== 'all' && staff.agencyId && !searchesTheApplicant(search);
    const items = await this.applications.queue({
      agencyIds: scope === 'all' ? 'all' : [...scope],
      ...(reachesTransfers ? { stepAgencyId: staff.agencyId! } : {}),
      states: query.state ?? (dueBefore ? WAITING : undefined),
      procedureId: procedure?.id,
      assigneeId: query.holder === 'me' ? staff.id : query.assignee,
      dueBefore,
      unassigned: query.holder === 'none',
      agencyUnheld: query.holder === 'agency' ? (staff.agencyId ? [staff.agencyId] : []) : undefined,
      stepPosition: query.step,
      ...(query.holder === 'unit' ? { stepUnit: { agencyId: staff.agencyId ?? '', role: staff.role } } : {}),
      waitingForCitizen: query.waiting === 'citizen',
      excludedStates: excludedStatesOf(query.finished, query.state),
      ...search,
      after: decodeCursor(query.cursor),
      limit: query.limit,
    });
    const stepNames = await this.stepNamesOf(items);
    const last = items.at(-1);
    return {
      items: items.map((item) => {
        const inScope =
          scope === 'all' ||
          scope.has(item.competentAgencyId) ||
          (item.receivingAgencyId !== null && scope.has(item.receivingAgencyId));
        return withStepName(ApplicationDto.from(item, staff.role, undefined, !inScope), stepNames);
      }),
      nextCursor:
        items.length === query.limit && last ? encodeCursor(last.dueAt?.getTime() ?? null, last.id) : null,
    };
  }

  /** A step filter needs its procedure, and a position that procedure's process has. */
  private async assertStepOf(procedure: Procedure | null, step: number | undefined): Promise<void> {
    if (step === undefined) return;
    if (!procedure) throw invalidFields([{ field: 'step', problems: ['needs a procedure'] }]);
    const count = (await this.steps.stepsOf(procedure.id)).length;
    if (step > count) {
      const problem = count ? `${procedure.code} has ${count} steps` : `${procedure.code} has no steps`;
      throw invalidFields([{ field: 'step', problems: [problem] }]);
    }
  }

  /** The names of the current steps of a page of files, by step id. */
  private async stepNamesOf(items: Application[]): Promise<Map<string, { nameVi: string; nameEn: string }>> {
    const procedureIds = [...new Set(items.filter((item) => item.stepId).map((item) => item.procedureId))];
    const byProcedure = procedureIds.length ? await this.steps.stepsOfMany(procedureIds) : new Map();
    const steps = [...byProcedure.values()].flat() as ProcedureStep[];
    return new Map(steps.map((step) => [step.id, { nameVi: step.nameVi, nameEn: step.nameEn }]));
  }

  /** A result's first download can only follow a `return`: without one, it is not read. */
  private async withHistory(
    user: AuthenticatedUser,
    application: Application,
    events: ApplicationEvent[],
    attachments: Attachment[],
  ): Promise<ApplicationDto> {
    const returned = events.some((event) => event.type === 'return');
    const firstDownloadedAt = returned ? await this.results.firstDownloadOf(application.id) : null;
    const restricted = await this.access.seesOnlyTheStep(user, application);
    const consultations =
      user.role === 'citizen' || restricted ? [] : await this.consultationsOf(application.id);
    const dto = ApplicationDto.from(
      application,
      user.role,
      { events, attachments, firstDownloadedAt, consultations },
      restricted,
    );
    return withStepName(dto, await this.stepNamesOf([application]));
  }

  /** Public tracking: only the pair of receipt code and the applicant's national ID opens it. */
  public async track(code: string, nationalId: string): Promise<TrackingDto> {
    const application = await this.applications.findByCode(code);
    if (!application || !sameText(application.applicantNationalId, nationalId)) {
      throw new NotFoundException('No application with this code and national ID number');
    }
    return TrackingDto.from(application, await this.applications.eventsOf(application.id));
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function encodeCursor(dueAt: number | null, id: string): string {
  return Buffer.from(JSON.stringify([dueAt, id])).toString('base64url');
}

/** A cursor is text anyone can edit: its instant must be a whole number of milliseconds, as stored. */
function decodeCursor(cursor: string | undefined): { dueAt: number | null; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    if ((dueAt === null || Number.isSafeInteger(dueAt)) && typeof id === 'string') {
      return { dueAt: dueAt as number | null, id };
    }
  } catch {
    // fall through to the field error
  }
  throw invalidFields([{ field: 'cursor', problems: ['is not a cursor this API gave'] }]);
}

/** The file's current step with its names, as the queue and the file itself both show it. */
function withStepName(
  dto: ApplicationDto,
  names: Map<string, { nameVi: string; nameEn: string }>,
): ApplicationDto {
  const named = dto.step ? names.get(dto.step.id) : undefined;
  return dto.step && named ? { ...dto, step: { ...dto.step, ...named } } : dto;
}
