import { Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { FILES_REACHED, isAmong, reachesOnlyAsConsulted, reachesOnlyTheStep } from '@onegate/domain';
import type { ActorRelation } from '@onegate/domain';
import { ConsultationRepository } from '@onegate/persistence';
import type { Application } from '@onegate/persistence';

import { AgencyScopeService } from './agency-scope.service';

/** How much of a file a user sees: all of it, or the restricted view of a consulted agency. */
export type FileView = 'full' | 'consulted';

/**
 * Who may see an application: the files their role reaches (docs/lifecycle.md, "Actions"): its citizen,
 * and (once submitted) staff whose agency scope holds its competent or receiving agency, and
 * administrators. Staff of an agency with an open consultation on it see its restricted view
 * (docs/applications.md, "Consultations"). Anyone else is told it does not exist. Actions weigh the same
 * relation in `decide`.
 */
@Injectable()
export class ApplicationAccessService {
  public constructor(
    private readonly scopes: AgencyScopeService,
    private readonly consultations: ConsultationRepository,
  ) {}

  /** Whose file it is to the user: theirs as applicant, within their agency scope, or consulted. */
  public async relationOf(user: AuthenticatedUser, application: Application): Promise<ActorRelation> {
    const scope = await this.scopes.scopeOf(user);
    const inScope = (agencyId: string | null) => agencyId !== null && scope !== 'all' && scope.has(agencyId);
    const consultable = (user.role === 'clerk' || user.role === 'supervisor') && user.agencyId !== null;
    return {
      isApplicant: application.applicantId === user.id,
      inAgencyScope:
        scope === 'all' || inScope(application.competentAgencyId) || inScope(application.receivingAgencyId),
      // Staff of the agency holding the file's current step: the part transferred to them.
      holdsStep:
        user.role !== 'citizen' && user.agencyId !== null && application.stepAgencyId === user.agencyId,
      isConsulted: consultable && (await this.consultations.isOpenFor(application.id, user.agencyId!)),
    };
  }

  /** What the user sees of the file, if anything. */
  public async viewOf(user: AuthenticatedUser, application: Application): Promise<FileView | null> {
    const relation = await this.relationOf(user, application);
    if (isAmong(FILES_REACHED[user.role], application.state, relation)) return 'full';
    return reachesOnlyAsConsulted(application.state, relation) ? 'consulted' : null;
  }

  /** Whether the user sees the whole file (a consulted agency's restricted view is not enough). */
  public async canSee(user: AuthenticatedUser, application: Application): Promise<boolean> {
    return (await this.viewOf(user, application)) === 'full';
  }

  /** The file and what the user sees of it; a file they do not reach at all answers 404. */
  public async assertReached(
    user: AuthenticatedUser,
    application: Application | null,
  ): Promise<{ application: Application; view: FileView }> {
    const view = application ? await this.viewOf(user, application) : null;
    if (!application || !view) throw notFound();
    return { application, view };
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
