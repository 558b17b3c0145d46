import type { Application, User } from '@onegate/persistence';

/**
 * Who is alerted about a file's deadline: its assignee, if any, and every supervisor whose agency is
 * the competent agency or one above it (their scope is their agency's subtree, read here upwards).
 */
export class AlertAudience {
  private readonly supervisorsByAgency = new Map<string, string[]>();

  public constructor(
    private readonly parents: ReadonlyMap<string, string | null>,
    supervisors: readonly User[],
  ) {
    for (const supervisor of supervisors) {
      if (!supervisor.agencyId) continue;
      const ids = this.supervisorsByAgency.get(supervisor.agencyId) ?? [];
      this.supervisorsByAgency.set(supervisor.agencyId, [...ids, supervisor.id]);
    }
  }

  public recipientsOf(application: Application): string[] {
    const recipients = new Set<string>();
    if (application.assigneeId) recipients.add(application.assigneeId);
    const seen = new Set<string>();
    for (let agency: string | null = application.competentAgencyId; agency && !seen.has(agency);) {
      seen.add(agency);
      for (const supervisor of this.supervisorsByAgency.get(agency) ?? []) recipients.add(supervisor);
      agency = this.parents.get(agency) ?? null;
    }
    return [...recipients];
  }
}
