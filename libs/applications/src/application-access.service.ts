import { Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import type { Application } from '@onegate/persistence';

import { AgencyScopeService } from './agency-scope.service';

/**
 * Who may see an application: its citizen, and (once submitted) staff whose agency scope holds its
 * competent or receiving agency, and administrators. Anyone else is told it does not exist.
 */
@Injectable()
export class ApplicationAccessService {
  public constructor(private readonly scopes: AgencyScopeService) {}

  public async canSee(user: AuthenticatedUser, application: Application): Promise<boolean> {
    if (user.role === 'citizen') return application.applicantId === user.id;
    // A draft is the citizen's own unfinished work: staff see files once they are sent.
    if (application.state === 'draft') return false;
    const scope = await this.scopes.scopeOf(user);
    if (scope === 'all') return true;
    return (
      scope.has(application.competentAgencyId) ||
      (application.receivingAgencyId !== null && scope.has(application.receivingAgencyId))
    );
  }

  public async assertVisible(user: AuthenticatedUser, application: Application | null): Promise<Application> {
    if (!application || !(await this.canSee(user, application))) throw notFound();
    return application;
  }
}

export const notFound = () => new NotFoundException('No such application');
