import { Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { FILES_REACHED, isAmong, reachesOnlyTheStep } from '@onegate/domain';
import type { ActorRelation } from '@onegate/domain';
import type { Application } from '@onegate/persistence';

import { AgencyScopeService } from './agency-scope.service';

/**
 * Who may see an application: the files their role reaches (docs/lifecycle.md, "Actions"): its citizen,
 * and (once submitted) staff whose agency scope holds its competent or receiving agency, and
 * administrators. Anyone else is told it does not exist. Actions weigh the same relation in `decide`.
 */
@Injectable()
export class ApplicationAccessService {
  public constructor(private readonly scopes: AgencyScopeService) {}

  /** Whose file it is to the user: theirs as applicant, or within their agency scope. */
  public async relationOf(user: AuthenticatedUser, application: Application): Promise<ActorRelation> {
    const scope = await this.scopes.scopeOf(user);
    const inScope = (agencyId: string | null) => agencyId !== null && scope !== 'all' && scope.has(agencyId);
    return {
      isApplicant: application.applicantId === user.id,
      inAgencyScope:
        scope === 'all' || inScope(application.competentAgencyId) || inScope(application.receivingAgencyId),
      // Staff of the agency holding the file's current step: the part transferred to them.
      holdsStep:
        user.role !== 'citizen' && user.agencyId !== null && application.stepAgencyId === user.agencyId,
    };
  }

  public async canSee(user: AuthenticatedUser, application: Application): Promise<boolean> {
    return isAmong(FILES_REACHED[user.role], application.state, await this.relationOf(user, application));
  }

  /**
   * Whether the user sees the file only as staff of the agency holding its current step: the restricted
   * view, without the applicant's national ID number, address or form answers (docs/lifecycle.md).
   */
  public async seesOnlyTheStep(user: AuthenticatedUser, application: Application): Promise<boolean> {
    return reachesOnlyTheStep(user.role, application.state, await this.relationOf(user, application));
  }

  public async assertVisible(user: AuthenticatedUser, application: Application | null): Promise<Application> {
    if (!application || !(await this.canSee(user, application))) throw notFound();
    return application;
  }
}

export const notFound = () => new NotFoundException('No such application');
