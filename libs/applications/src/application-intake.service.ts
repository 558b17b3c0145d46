import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { dueAtOnReception, isValidNationalId, validateFormData } from '@onegate/domain';
import type { FieldProblem } from '@onegate/domain';
import {
  AgencyRepository,
  ApplicationRepository,
  newApplication,
  ProcedureRepository,
  TransactionRunner,
  UserRepository,
} from '@onegate/persistence';
import type { Application, JsonObject, Procedure } from '@onegate/persistence';
import { Outbox } from '@onegate/jobs';
import { ReportRollupsService } from '@onegate/reporting';

import { ApplicationActionsService } from './application-actions.service';
import { ApplicationAccessService } from './application-access.service';
import { changedMeanwhile, invalidFields, unprocessable } from './application-errors';
import type { CreateDraftRequest, RegisterCounterRequest, UpdateFormRequest } from './application.requests';
import { WorkingCalendarService } from './working-calendar.service';
import { Clock } from './clock';
import { ApplicationSideEffects } from './application-side-effects';
import { StorageLimits } from './storage-limits';

const MAX_FORM_BYTES = 64 * 1024;

/** How files come in: a citizen's online draft, or a paper file registered at a one-stop desk. */
@Injectable()
export class ApplicationIntakeService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly procedures: ProcedureRepository,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly access: ApplicationAccessService,
    private readonly actions: ApplicationActionsService,
    private readonly calendars: WorkingCalendarService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly sideEffects: ApplicationSideEffects,
    private readonly outbox: Outbox,
    private readonly reportRollups: ReportRollupsService,
    private readonly limits: StorageLimits,
  ) {}

  public async createDraft(citizen: AuthenticatedUser, request: CreateDraftRequest): Promise<Application> {
    const procedure = await this.liveProcedure(request.procedureCode);
    const formData = this.checkDraftForm(procedure, request.formData ?? {});
    const owner = (await this.users.findById(citizen.id))!;
    if (!owner.nationalId) throw new ForbiddenException('Only citizens with a national ID number can apply');
    const now = this.clock.now();
    const application = newApplication(procedure, now, {
      applicantId: owner.id,
      applicantNationalId: owner.nationalId,
      applicantName: owner.fullName,
      applicantEmail: owner.email,
      state: 'draft',
      formData,
      submissionChannel: 'online',
    });
    await this.limits.recordDraft(application);
    return { ...application, procedure, competentAgency: procedure.agency, receivingAgency: null };
  }

  /** Drafts keep partial data (only unknown or wrongly typed fields are refused); a supplement is checked whole. */
  public async updateForm(
    user: AuthenticatedUser,
    id: string,
    request: UpdateFormRequest,
  ): Promise<Application> {
    const application = await this.access.assertVisible(user, await this.applications.findById(id));
    if (application.applicantId !== user.id)
      throw new ForbiddenException('Only the applicant can change the form');
    if (application.state !== 'draft' && application.state !== 'supplement_requested') {
      throw new ConflictException(`The form cannot change while the application is ${application.state}`);
    }
    if (request.version !== undefined && request.version !== application.version)
      throw changedMeanwhile(application.version);
    const formData =
      application.state === 'draft'
        ? this.checkDraftForm(application.procedure!, request.formData)
        : this.checkCompleteForm(application.procedure!, request.formData);
    const saved = await this.applications.updateDraft(application.id, application.version, { formData });
    if (!saved) throw changedMeanwhile(application.version + 1);
    return (await this.applications.findById(application.id))!;
  }

  /**
   * register_counter: the clerk's desk receives the file, whatever agency is competent for it; it is
   * then in the competent agency's queue. The receipt code is the desk's.
   */
  public async registerCounter(
    clerk: AuthenticatedUser,
    request: RegisterCounterRequest,
  ): Promise<Application> {
    if (clerk.role !== 'clerk' || !clerk.agencyId)
      throw new ForbiddenException('Only a one-stop clerk can register a paper file');
    if (!isValidNationalId(request.applicant.nationalId)) {
      throw invalidFields([
        { field: 'applicant.nationalId', problems: ['must be a valid 12-digit citizen ID number'] },
      ]);
    }
    const procedure = await this.liveProcedure(request.procedureCode);
    const formData = this.checkCompleteForm(procedure, request.formData);
    const desk = (await this.agencies.findById(clerk.agencyId))!;
    const account = await this.users.findByNationalId(request.applicant.nationalId);
    const now = this.clock.now();
    const calendar = await this.calendars.calendarFor(procedure.agency!);
    const application = newApplication(procedure, now, {
      applicantId: account?.role === 'citizen' ? account.id : null,
      applicantNationalId: request.applicant.nationalId,
      applicantName: request.applicant.fullName,
      applicantEmail: request.applicant.email ?? account?.email ?? null,
      state: 'received',
      formData,
      submissionChannel: 'offline',
      receivingAgencyId: desk.id,
      receivedAt: now,
      dueAt: dueAtOnReception(calendar, now, procedure.processingHours),
    });
    await this.transactions.run(async (manager) => {
      application.code = await this.actions.receiptCode(manager, desk, now);
      await this.applications.insert(manager, application);
      const event = await this.applications.appendEvent(
        manager,
        {
          id: randomUUID(),
          applicationId: application.id,
          type: 'register_counter' as const,
          at: now,
          actorId: clerk.id,
          actorRole: 'clerk' as const,
          channel: 'offline' as const,
          fromState: null,
          toState: 'received' as const,
          note: request.note ?? null,
          data: { dueAt: application.dueAt!.toISOString() },
        },
        [],
      );
      const registered = { ...application, competentAgency: procedure.agency };
      const jobs = await this.sideEffects.jobsFor('register_counter', registered, 'offline', event);
      await this.outbox.add(manager, jobs);
      await this.reportRollups.recordLatestEvent(manager, application, [event], calendar);
    });
    return (await this.applications.findById(application.id))!;
  }

  private async liveProcedure(code: string): Promise<Procedure> {
    const procedure = await this.procedures.findByCode(code);
    if (!procedure) throw invalidFields([{ field: 'procedureCode', problems: [`no procedure ${code}`] }]);
    if (procedure.retiredAt)
      throw new ConflictException('This procedure is retired and takes no new applications');
    return procedure;
  }

  private checkDraftForm(procedure: Procedure, data: Record<string, unknown>): JsonObject {
    assertSmall(data);
    const problems = validateFormData(procedure.formSchema, data)
      .map((problem) => ({ ...problem, problems: problem.problems.filter((text) => text !== 'is required') }))
      .filter((problem) => problem.problems.length > 0);
    if (problems.length > 0) throw unprocessable(problems);
    return data as JsonObject;
  }

  private checkCompleteForm(procedure: Procedure, data: Record<string, unknown>): JsonObject {
    assertSmall(data);
    const problems: FieldProblem[] = validateFormData(procedure.formSchema, data);
    if (problems.length > 0) throw unprocessable(problems);
    return data as JsonObject;
  }
}

function assertSmall(data: Record<string, unknown>): void {
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_FORM_BYTES) {
    throw invalidFields([{ field: 'formData', problems: ['is larger than 64 KB'] }]);
  }
}
