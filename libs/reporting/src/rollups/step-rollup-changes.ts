import type { ReportGrain } from '@onegate/persistence';

import type { StepSample } from '../figures/step-contribution';

export interface StepRollupKey {
  readonly grain: ReportGrain;
  readonly period: string;
  readonly agencyId: string;
  readonly procedureId: string;
  readonly position: number;
  readonly name: string;
  readonly holderAgencyId: string;
  readonly holderRole: string;
}

export interface StepCounters {
  stretches: number;
  workingMs: number;
  late: number;
  latenessMs: number;
}

export interface StepRollupRowChange {
  readonly key: StepRollupKey;
  readonly counters: StepCounters;
}

interface Owner {
  readonly agencyId: string;
  readonly procedureId: string;
}

const GRAIN_LENGTHS: readonly { grain: ReportGrain; length: number }[] = [
  { grain: 'day', length: 10 },
  { grain: 'month', length: 7 },
  { grain: 'year', length: 4 },
];

/** Changes to the step rollups, summed per row of every grain (a date's change is its month's and year's). */
export class StepRollupChanges {
  private readonly rowsById = new Map<string, StepRollupRowChange>();

  public add(owner: Owner, samples: readonly StepSample[], sign: 1 | -1): void {
    for (const sample of samples) {
      for (const { grain, length } of GRAIN_LENGTHS) {
        const key: StepRollupKey = {
          grain,
          period: sample.date.slice(0, length),
          agencyId: owner.agencyId,
          procedureId: owner.procedureId,
          position: sample.position,
          name: sample.name,
          holderAgencyId: sample.holderAgencyId,
          holderRole: sample.holderRole,
        };
        const id = JSON.stringify(Object.values(key));
        let row = this.rowsById.get(id);
        if (!row) {
          row = { key, counters: { stretches: 0, workingMs: 0, late: 0, latenessMs: 0 } };
          this.rowsById.set(id, row);
        }
        row.counters.stretches += sign;
        row.counters.workingMs += sign * sample.workingMs;
        row.counters.late += sample.late ? sign : 0;
        row.counters.latenessMs += sign * sample.latenessMs;
      }
    }
  }

  /** Rows that change, in one fixed order so concurrent writers lock rows alike. */
  public rows(): StepRollupRowChange[] {
    return [...this.rowsById.entries()]
      .filter(([, row]) => Object.values(row.counters).some((value) => value !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
}
