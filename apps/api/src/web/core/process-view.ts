import type { ApplicationDto } from '@onegate/applications';
import type { Language } from '@onegate/domain';
import type { AgencyRepository } from '@onegate/persistence';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';

/** The agencies a process names, by id, with their names in both languages. */
export type AgencyNames = ReadonlyMap<string, { vi: string; en: string }>;

/**
 * The procedure's process as a page lists it (docs/portal.md): each step with its unit and budget, and,
 * for a file, the step it is at with its holder, start and due time.
 */
export function processView(
  lang: Language,
  procedure: ProcedureDto,
  agencies: AgencyNames,
  application: ApplicationDto | null = null,
  holderName: string | null = null,
) {
  const current = application?.step ?? null;
  return {
    steps: procedure.steps.map((step) => ({
      position: step.position,
      name: lang === 'vi' ? step.nameVi : step.nameEn,
      role: step.holderRole,
      agencyName: step.holderAgencyId ? (agencies.get(step.holderAgencyId)?.[lang] ?? '') : null,
      transfer: step.holderAgencyId !== null,
      budgetHours: step.budgetHours,
      current:
        current && current.position === step.position
          ? { holderName, startedAt: current.startedAt, dueAt: current.dueAt }
          : null,
    })),
  };
}

/** The names of the agencies holding the transfer steps of a procedure. */
export async function agencyNamesOf(
  agencies: AgencyRepository,
  procedure: ProcedureDto,
): Promise<AgencyNames> {
  const names = new Map<string, { vi: string; en: string }>();
  for (const step of procedure.steps) {
    const agency = step.holderAgencyId ? await agencies.findById(step.holderAgencyId) : null;
    if (agency) names.set(agency.id, { vi: agency.nameVi, en: agency.nameEn });
  }
  return names;
}
