import { ForbiddenException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { decide, isValidNationalId } from '@onegate/domain';
import {
  ApplicationRepository,
  newApplication,
  ProcedureRepository,
  TransactionRunner,
  UserRepository,
} from '@onegate/persistence';
import type { Application } from '@onegate/persistence';

import { ActionContextService } from './action-context.service';
import { decidedOrThrow, invalidFields } from './application-errors';
import type { RegisterCounterRequest } from './application.requests';
import { ApplicationJournal } from './application-journal';
import { checkCompleteForm, liveProcedure } from './procedure-forms';
import { ReceiptCodes } from './receipt-codes.service';

/**
 * register_counter: the clerk's desk receives a paper file, whatever agency is competent for it; it is
 * then in the competent agency's queue. The receipt code is the desk's.
 */
@Injectable()
export class CounterRegistrationService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly procedures: ProcedureRepository,
    private readonly users: UserRepository,
    private readonly contexts: ActionContextService,
    private readonly transactions: TransactionRunner,
    private readonly receiptCodes: ReceiptCodes,
    private readonly journal: ApplicationJournal,
  ) {}

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
    const procedure = await liveProcedure(this.procedures, request.procedureCode);
    const formData = checkCompleteForm(procedure, request.formData);
    const desk = await this.contexts.deskOf({ kind: 'user', user: clerk });
    const account = await this.users.findByNationalId(request.applicant.nationalId);
    const now = this.contexts.now();
    const calendar = await this.contexts.calendarOf(procedure.agency!);
    const process = await this.contexts.processOf(procedure.id, procedure.agency!);
    const application = newApplication(procedure, now, {
      applicantId: account?.role === 'citizen' ? account.id : null,
      applicantNationalId: request.applicant.nationalId,
      applicantName: request.applicant.fullName,
      applicantEmail: request.applicant.email ?? account?.email ?? null,
      formData,
      submissionChannel: 'offline',
    });
    // A file that does not exist yet: no state, and its first version is the one the action writes.
    const decision = decidedOrThrow(
      'register_counter',
      decide(
        'register_counter',
        { ...application, state: null, version: 0 },
        {},
        {
          role: 'clerk',
          // The file is new and the clerk's desk receives it: it is in their agency scope.
          actorRelation: { isApplicant: false, inAgencyScope: true },
          now,
          procedure,
          calendar,
          receivingAgencyId: desk.id,
          ...(process ? { process } : {}),
        },
      ),
    );
    Object.assign(application, decision.changes);
    await this.transactions.run(async (manager) => {
      application.code = await this.receiptCodes.next(manager, desk, now);
      await this.applications.insert(manager, application);
      await this.journal.record(manager, {
        application,
        decision,
        actor: { id: clerk.id, role: 'clerk' },
        at: now,
        note: request.note ?? null,
        calendar,
      });
    });
    return (await this.applications.findById(application.id))!;
  }
}
