import { ForbiddenException, Injectable } from '@nestjs/common';

import type { DecisionContext, ProcessContext, WorkingCalendar } from '@onegate/domain';
import { AgencyRepository, ProcedureStepRepository, UserRepository } from '@onegate/persistence';
import type { Agency, Application } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { ActionRequest } from './action.request';
import type { Actor } from './actor';
import { actorRole } from './actor';
import { ApplicationAccessService } from './application-access.service';
import { WorkingCalendarService } from './working-calendar.service';

/**
 * What `decide` needs to know besides the file: who acts and whose file it is to them, when, on which
 * calendar, and about whom.
 */
@Injectable()
export class ActionContextService {
  public constructor(
    private readonly clock: Clock,
    private readonly calendars: WorkingCalendarService,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly access: ApplicationAccessService,
    private readonly steps: ProcedureStepRepository,
  ) {}

  public now(): Date {
    return this.clock.now();
  }

  /** An agency's working calendar. */
  public calendarOf(agency: Agency): Promise<WorkingCalendar> {
    return this.calendars.calendarFor(agency);
  }

  public async contextFor(
    actor: Actor,
    application: Application,
    request: ActionRequest,
  ): Promise<DecisionContext> {
    const assignee = request.action === 'assign' && request.assigneeId ? request.assigneeId : null;
    const stepAssignee = request.action === 'forward' && request.assigneeId ? request.assigneeId : null;
    const process = await this.processOf(application.procedureId, application.competentAgency!);
    return {
      role: actorRole(actor),
      ...(actor.kind === 'user'
        ? { actorRelation: await this.access.relationOf(actor.user, application) }
        : {}),
      now: this.clock.now(),
      procedure: application.procedure!,
      calendar: await this.calendars.calendarFor(application.competentAgency!),
      receivingAgencyId: actor.kind === 'user' ? actor.user.agencyId : null,
      ...(assignee ? { assigneeAssignable: await this.isAssignable(assignee, application) } : {}),
      ...(process ? { process } : {}),
      ...(actor.kind === 'user' ? { actor: { id: actor.user.id, agencyId: actor.user.agencyId } } : {}),
      ...(stepAssignee ? { stepAssignee: await this.staffMember(stepAssignee) } : {}),
    };
  }

  /**
   * The procedure's process with the working calendar of each agency holding one of its steps, or
   * nothing when it has no steps (docs/lifecycle.md, "Processing steps").
   */
  public async processOf(procedureId: string, competentAgency: Agency): Promise<ProcessContext | undefined> {
    const steps = await this.steps.stepsOf(procedureId);
    if (steps.length === 0) return undefined;
    const calendars = new Map<string, WorkingCalendar>([
      [competentAgency.id, await this.calendars.calendarFor(competentAgency)],
    ]);
    for (const step of steps) {
      const agencyId = step.holderAgencyId;
      if (!agencyId || calendars.has(agencyId)) continue;
      const agency = await this.agencies.findById(agencyId);
      if (agency) calendars.set(agencyId, await this.calendars.calendarFor(agency));
    }
    return { steps, competentAgencyId: competentAgency.id, calendars };
  }

  private async staffMember(userId: string): Promise<DecisionContext['stepAssignee']> {
    const user = await this.users.findById(userId);
    return user ? { agencyId: user.agencyId, role: user.role, active: user.active } : null;
  }

  /** The agency of the staff member who receives a file: their desk. */
  public async deskOf(actor: Actor): Promise<Agency> {
    const agencyId = actor.kind === 'user' ? actor.user.agencyId : null;
    const agency = agencyId ? await this.agencies.findById(agencyId) : null;
    if (!agency) throw new ForbiddenException('Only staff of an agency can receive applications');
    return agency;
  }

  private async isAssignable(userId: string, application: Application): Promise<boolean> {
    const user = await this.users.findById(userId);
    return !!user?.active && user.role === 'clerk' && user.agencyId === application.competentAgencyId;
  }
}
