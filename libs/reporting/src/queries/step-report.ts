import type { StepSums } from '../rollups/report-rollup.repository';
import type { ReportCatalogue } from './report-catalogue';

type Names = { vi: string; en: string };

/** What a group of step stretches adds up to (docs/metrics.md, "Processing steps"). */
export interface StepFigures {
  /** Stretches that ended in the period (a step entered twice counts twice). */
  stretches: number;
  /** Working hours spent in them, on each holding agency's calendar, supplement waits excluded. */
  hours: number;
  meanHours: number | null;
  late: number;
  /** Mean working hours past the due time, over the late stretches. */
  meanLatenessHours: number | null;
}

export interface StepLine extends StepFigures {
  procedure: string;
  procedureName: Names | null;
  position: number;
  /** The step's Vietnamese name when the stretches began. */
  name: string;
}

export interface UnitLine extends StepFigures {
  agency: string;
  agencyName: Names | null;
  role: string;
}

/** A competent agency's step hours, and the part of them spent at other agencies (transfers). */
export interface AgencyStepHours {
  agency: string;
  name: Names | null;
  hours: number;
  atOtherAgenciesHours: number;
  atOtherAgencies: { agency: string; name: Names | null; hours: number }[];
}

export interface StepReport {
  steps: StepLine[];
  units: UnitLine[];
  agencies: AgencyStepHours[];
}

const MS_PER_HOUR = 3_600_000;
/** Working hours, rounded to 2 decimals. */
export const hoursOf = (ms: number) => Math.round((ms / MS_PER_HOUR) * 100) / 100;
const hours = hoursOf;

interface Sums {
  stretches: number;
  workingMs: number;
  late: number;
  latenessMs: number;
}

function figuresOf(sums: Sums): StepFigures {
  return {
    stretches: sums.stretches,
    hours: hours(sums.workingMs),
    meanHours: sums.stretches === 0 ? null : hours(sums.workingMs / sums.stretches),
    late: sums.late,
    meanLatenessHours: sums.late === 0 ? null : hours(sums.latenessMs / sums.late),
  };
}

function summed<T>(rows: readonly StepSums[], keyOf: (row: StepSums) => string, make: (row: StepSums) => T) {
  const groups = new Map<string, { head: T; sums: Sums }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? {
      head: make(row),
      sums: { stretches: 0, workingMs: 0, late: 0, latenessMs: 0 },
    };
    group.sums.stretches += row.stretches;
    group.sums.workingMs += row.workingMs;
    group.sums.late += row.late;
    group.sums.latenessMs += row.latenessMs;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Where files stall first: most late stretches, then the longest mean time, then the most hours. */
function worstFirst(a: StepFigures, b: StepFigures): number {
  return b.late - a.late || (b.meanHours ?? 0) - (a.meanHours ?? 0) || b.hours - a.hours;
}

/** The step figures per step, per holding unit and per competent agency, from the summed rollups. */
export function stepReportOf(rows: readonly StepSums[], catalogue: ReportCatalogue): StepReport {
  const agencyOf = (id: string) => {
    const agency = catalogue.agency(id);
    return { agency: agency?.code ?? id, name: agency ? { vi: agency.nameVi, en: agency.nameEn } : null };
  };
  const steps = summed(
    rows,
    (row) => JSON.stringify([row.procedureId, row.position, row.name]),
    (row): Omit<StepLine, keyof StepFigures> => {
      const procedure = catalogue.procedure(row.procedureId);
      return {
        procedure: procedure?.code ?? row.procedureId,
        procedureName: procedure ? { vi: procedure.nameVi, en: procedure.nameEn } : null,
        position: row.position,
        name: row.name,
      };
    },
  ).map(({ head, sums }) => ({ ...head, ...figuresOf(sums) }));
  const units = summed(
    rows,
    (row) => JSON.stringify([row.holderAgencyId, row.holderRole]),
    (row): Omit<UnitLine, keyof StepFigures> => {
      const { agency, name } = agencyOf(row.holderAgencyId);
      return { agency, agencyName: name, role: row.holderRole };
    },
  ).map(({ head, sums }) => ({ ...head, ...figuresOf(sums) }));
  return {
    steps: steps.sort(
      (a, b) => worstFirst(a, b) || a.procedure.localeCompare(b.procedure) || a.position - b.position,
    ),
    units: units.sort(
      (a, b) => worstFirst(a, b) || a.agency.localeCompare(b.agency) || a.role.localeCompare(b.role),
    ),
    agencies: agencyHours(rows, agencyOf),
  };
}

function agencyHours(
  rows: readonly StepSums[],
  agencyOf: (id: string) => { agency: string; name: Names | null },
): AgencyStepHours[] {
  const byAgency = new Map<string, { totalMs: number; elsewhere: Map<string, number> }>();
  for (const row of rows) {
    const entry = byAgency.get(row.agencyId) ?? { totalMs: 0, elsewhere: new Map<string, number>() };
    entry.totalMs += row.workingMs;
    if (row.holderAgencyId !== row.agencyId) {
      entry.elsewhere.set(row.holderAgencyId, (entry.elsewhere.get(row.holderAgencyId) ?? 0) + row.workingMs);
    }
    byAgency.set(row.agencyId, entry);
  }
  return [...byAgency]
    .map(([id, entry]) => {
      const atOtherAgencies = [...entry.elsewhere]
        .map(([holder, ms]) => ({ ...agencyOf(holder), hours: hours(ms) }))
        .sort((a, b) => b.hours - a.hours || a.agency.localeCompare(b.agency));
      const elsewhereMs = [...entry.elsewhere.values()].reduce((sum, ms) => sum + ms, 0);
      return {
        ...agencyOf(id),
        hours: hours(entry.totalMs),
        atOtherAgenciesHours: hours(elsewhereMs),
        atOtherAgencies,
      };
    })
    .sort((a, b) => a.agency.localeCompare(b.agency));
}

/**
 * The step figures of one breakdown group (docs/metrics.md, "Breakdowns"): its stretches, their working
 * hours, the late ones and their lateness, and the hours held by agencies other than the competent one.
 */
export interface BreakdownStepFigures {
  stretches: number;
  hours: number;
  late: number;
  /** The working hours past the due time, summed over the late stretches. */
  latenessHours: number;
  /** The part of `hours` spent at other agencies (transfers). */
  atOtherAgenciesHours: number;
}

/** The step figures per group, from the summed rollups: `groupOf` names a row's group. */
export function breakdownStepFiguresOf(
  rows: readonly StepSums[],
  groupOf: (row: StepSums) => string,
): Map<string, BreakdownStepFigures> {
  const elsewhere = new Map(
    summed(
      rows.filter((row) => row.holderAgencyId !== row.agencyId),
      groupOf,
      groupOf,
    ).map(({ head, sums }) => [head, sums.workingMs]),
  );
  return new Map(
    summed(rows, groupOf, groupOf).map(({ head, sums }) => [
      head,
      {
        stretches: sums.stretches,
        hours: hours(sums.workingMs),
        late: sums.late,
        latenessHours: hours(sums.latenessMs),
        atOtherAgenciesHours: hours(elsewhere.get(head) ?? 0),
      },
    ]),
  );
}

/** A group without stretches in the period. */
export const NO_STEP_FIGURES: Readonly<BreakdownStepFigures> = {
  stretches: 0,
  hours: 0,
  late: 0,
  latenessHours: 0,
  atOtherAgenciesHours: 0,
};
