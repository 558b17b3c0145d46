import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationRepository,
  applicantPhoneOf,
  newApplication,
  ProcedureRepository,
  UserRepository,
} from '@onegate/persistence';
import type { Application } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { ApplicationAccessService } from './application-access.service';
import { changedMeanwhile } from './application-errors';
import type { CreateDraftRequest, UpdateFormRequest } from './application.requests';
import { StorageLimits } from './storage-limits';
import { checkCompleteForm, checkDraftForm, liveProcedure, phoneAnswerOf } from './procedure-forms';

/** How online files come in: a citizen's draft and its form (a paper file: CounterRegistrationService). */
@Injectable()
export class ApplicationIntakeService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly procedures: ProcedureRepository,
    private readonly users: UserRepository,
    private readonly access: ApplicationAccessService,
    private readonly clock: Clock,
    private readonly limits: StorageLimits,
  ) {}

  public async createDraft(citizen: AuthenticatedUser, request: CreateDraftRequest): Promise<Application> {
    const procedure = await liveProcedure(this.procedures, request.procedureCode);
    const formData = checkDraftForm(procedure, request.formData ?? {});
    const owner = (await this.users.findById(citizen.id))!;
    if (!owner.nationalId) throw new ForbiddenException('Only citizens with a national ID number can apply');
    const now = this.clock.now();
    const application = newApplication(procedure, now, {
      applicantId: owner.id,
      applicantNationalId: owner.nationalId,
      applicantName: owner.fullName,
      applicantEmail: owner.email,
      applicantPhone: phoneAnswerOf(procedure, formData) ?? owner.phone,
      state: 'draft',
      formData,
      submissionChannel: 'online',
    });
    await this.limits.recordDraft(application);
    return { ...application, procedure, competentAgency: procedure.agency, receivingAgency: null };
  }

  /**
   * The draft the portal's "apply" opens: the citizen's untouched draft of the procedure when there is
   * one (docs/applications.md, "Drafts"), otherwise a new one.
   */
  public async openDraft(
    citizen: AuthenticatedUser,
    request: CreateDraftRequest,
  ): Promise<{ draft: Pick<Application, 'id'>; reused: boolean }> {
    const procedure = await liveProcedure(this.procedures, request.procedureCode);
    const untouched = await this.applications.findUntouchedDraft(citizen.id, procedure.id);
    if (untouched) return { draft: untouched, reused: true };
    return { draft: await this.createDraft(citizen, request), reused: false };
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
        ? checkDraftForm(application.procedure!, request.formData)
        : checkCompleteForm(application.procedure!, request.formData);
    // A phone typed in the form is the one the queue finds the file by (docs/applications.md).
    const phone = phoneAnswerOf(application.procedure!, formData);
    const saved = await this.applications.updateDraft(application.id, application.version, {
      formData,
      ...(phone ? applicantPhoneOf(phone) : {}),
    });
    if (!saved) throw changedMeanwhile(application.version + 1);
    return (await this.applications.findById(application.id))!;
  }
}
