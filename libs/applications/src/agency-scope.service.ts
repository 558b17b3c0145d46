import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';

/** The agencies whose files a user may see: 'all' for administrators. */
export type AgencyScope = 'all' | ReadonlySet<string>;

@Injectable()
export class AgencyScopeService {
  public constructor(private readonly agencies: AgencyRepository) {}

  /** A clerk sees their agency; a supervisor their agency and every agency below it; citizens none. */
  public async scopeOf(user: AuthenticatedUser): Promise<AgencyScope> {
    if (user.role === 'admin') return 'all';
    if (!user.agencyId || user.role === 'citizen') return new Set();
    if (user.role === 'clerk') return new Set([user.agencyId]);
    return new Set(await this.agencies.subtreeIds(user.agencyId));
  }

  public async covers(user: AuthenticatedUser, agencyId: string | null): Promise<boolean> {
    const scope = await this.scopeOf(user);
    return scope === 'all' || (agencyId !== null && scope.has(agencyId));
  }
}
