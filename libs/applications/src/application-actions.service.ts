import { randomUUID } from 'node:crypto';

import { ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  formatReceiptCode,
  isActionPossible,
  possibleActions,
  stateAfter,
  TRANSITIONS,
} from '@onegate/domain';
import type { Action, Channel } from '@onegate/domain';
import {
  AgencyRepository,
  ApplicationRepository,
  TransactionRunner,
  UserRepository,
} from '@onegate/persistence';
import type { Agency, Application, ApplicationEvent, Attachment } from '@onegate/persistence';
import { Outbox } from '@onegate/jobs';
import { ReportRollupsService } from '@onegate/reporting';

import type { ActionRequest } from './action.request';
import { effectsOf, eventData } from './action-effects';
import type { Actor } from './actor';
import { actorId, actorRole } from './actor';
import { ApplicationAccessService, notFound } from './application-access.service';
import { actionNotAllowed, changedMeanwhile, invalidFields } from './application-errors';
import { WorkingCalendarService } from './working-calendar.service';
import { Clock } from './clock';
import { checkActionFields } from './action-field-rules';
import { SubmissionCheck } from './submission-check';
import { ApplicationSideEffects } from './application-side-effects';

/** The application as an action left it, with what the action read of it. */
export interface ActionOutcome {
  application: Application;
  /** All of its events, the new one last. */
  events: ApplicationEvent[];
  /** Its documents, when the action read them (submit checks them); otherwise not read. */
  attachments?: Attachment[];
}

/**
 * Every action of the state table, through one door: checks who, what state and which fields, then
 * writes the change and its event in one transaction, guarded by the application's version.
 */
@Injectable()
export class ApplicationActionsService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly access: ApplicationAccessService,
    private readonly calendars: WorkingCalendarService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly submission: SubmissionCheck,
    private readonly sideEffects: ApplicationSideEffects,
    private readonly outbox: Outbox,
    private readonly reportRollups: ReportRollupsService,
  ) {}

  /** Gives the application as the action left it, with the events and documents it read on the way. */
  public async perform(actor: Actor, applicationId: string, request: ActionRequest): Promise<ActionOutcome> {
    const found = await this.applications.findById(applicationId);
    const application = actor.kind === 'system' ? found : await this.access.assertVisible(actor.user, found);
    if (!application) throw notFound();
    const action = request.action;
    const role = actorRole(actor);
    if (!TRANSITIONS[action].actors.includes(role)) {
      throw new ForbiddenException(`A ${role} cannot ${action.replace('_', ' ')} an application`);
    }
    if (request.version !== undefined && request.version !== application.version) {
      throw changedMeanwhile(application.version);
    }
    if (!isActionPossible(action, application)) {
      throw actionNotAllowed(action, application.state, possibleActions(application));
    }
    const channel = await this.checkFields(actor, application, request);
    const attachments = action === 'submit' ? await this.submission.assertComplete(application) : undefined;
    const now = this.clock.now();
    const calendar = await this.calendars.calendarFor(application.competentAgency!);
    const receivingAgency = action === 'receive' ? await this.agencyOf(actor) : null;
    const changes = {
      ...effectsOf(action, application, request, {
        now,
        procedure: application.procedure!,
        calendar,
        receivingAgencyId: receivingAgency?.id ?? null,
      }),
      state: stateAfter(action, application.state),
    };
    let after = application;
    let events: ApplicationEvent[] = [];
    await this.transactions.run(async (manager) => {
      if (receivingAgency) changes.code = await this.receiptCode(manager, receivingAgency, now);
      const won = await this.applications.updateIfVersion(
        manager,
        application.id,
        application.version,
        changes,
      );
      if (!won) throw changedMeanwhile(application.version + 1);
      const previous = await this.applications.eventsOf(application.id, manager);
      const event = await this.applications.appendEvent(
        manager,
        {
          id: randomUUID(),
          applicationId: application.id,
          type: action,
          at: now,
          actorId: actorId(actor),
          actorRole: role,
          channel,
          fromState: application.state,
          toState: changes.state,
          note: request.note ?? null,
          data: eventData(action, request, changes),
        },
        previous,
      );
      after = {
        ...application,
        ...changes,
        receivingAgency: receivingAgency ?? application.receivingAgency,
        version: application.version + 1,
      };
      await this.outbox.add(manager, await this.sideEffects.jobsFor(action, after, channel, event));
      events = [...previous, event];
      await this.reportRollups.recordLatestEvent(manager, application, events, calendar);
    });
    return { application: after, events, attachments };
  }

  /** Gives the next receipt code of the receiving agency, on its local date. */
  public async receiptCode(manager: EntityManager, agency: Agency, now: Date): Promise<string> {
    const localDate = (await this.calendars.calendarFor(agency)).localDateOf(now);
    const sequence = await this.applications.nextReceiptNumber(manager, agency.id, localDate);
    return formatReceiptCode(agency.code, localDate, sequence);
  }

  private async agencyOf(actor: Actor): Promise<Agency> {
    const agencyId = actor.kind === 'user' ? actor.user.agencyId : null;
    const agency = agencyId ? await this.agencies.findById(agencyId) : null;
    if (!agency) throw new ForbiddenException('Only staff of an agency can receive applications');
    return agency;
  }

  private async checkFields(
    actor: Actor,
    application: Application,
    request: ActionRequest,
  ): Promise<Channel> {
    const action: Action = request.action;
    const { channel, problems } = checkActionFields(action, actorRole(actor), request, this.clock.now());
    if (
      action === 'assign' &&
      request.assigneeId &&
      !(await this.isAssignable(request.assigneeId, application))
    ) {
      problems.push({ field: 'assigneeId', problems: ['must be an active clerk of the competent agency'] });
    }
    if (problems.length > 0) throw invalidFields(problems);
    return channel;
  }

  private async isAssignable(userId: string, application: Application): Promise<boolean> {
    const user = await this.users.findById(userId);
    return !!user?.active && user.role === 'clerk' && user.agencyId === application.competentAgencyId;
  }
}
