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
    this.addSupervisorsFrom(application.competentAgencyId, recipients);
    return [...recipients];
  }

  /**
   * Who is alerted about a late step: its named holder, else every member of its unit (`unitStaff`), and
   * every supervisor at or above the holding agency (docs/notifications.md, "Step alerts").
   */
  public recipientsOfStep(application: Application, unitStaff: readonly string[]): string[] {
    const recipients = new Set<string>(application.stepHolderId ? [application.stepHolderId] : unitStaff);
    this.addSupervisorsFrom(application.stepAgencyId, recipients);
    return [...recipients];
  }

  /** The agency's own staff given, and every supervisor at or above the agency (docs/feedback.md). */
  public recipientsOfAgency(agencyId: string, agencyStaff: readonly string[]): string[] {
    const recipients = new Set<string>(agencyStaff);
    this.addSupervisorsFrom(agencyId, recipients);
    return [...recipients];
  }

  private addSupervisorsFrom(agencyId: string | null, recipients: Set<string>): void {
    const seen = new Set<string>();
    for (let agency: string | null = agencyId; agency && !seen.has(agency);) {
      seen.add(agency);
      for (const supervisor of this.supervisorsByAgency.get(agency) ?? []) recipients.add(supervisor);
      agency = this.parents.get(agency) ?? null;
    }
  }
}
