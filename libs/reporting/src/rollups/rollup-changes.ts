import type { Channel } from '@onegate/domain';
import type { ReportGrain } from '@onegate/persistence';

import type { ApplicationContribution } from '../figures/contribution';
import type { FileEntry } from '../figures/figure-files';
import type { HistogramMetric } from '../figures/histogram';
import type { StepSample } from '../figures/step-contribution';
import { bucketOf } from '../figures/histogram';
import type { Counters } from '../figures/report-counters';
import { addCounters, isZero, zeroCounters } from '../figures/report-counters';
import type { StepRollupRowChange } from './step-rollup-changes';
import { StepRollupChanges } from './step-rollup-changes';

export interface RollupKey {
  readonly grain: ReportGrain;
  readonly period: string;
  readonly agencyId: string;
  readonly procedureId: string;
  readonly channel: Channel;
}

export interface RollupRowChange {
  readonly key: RollupKey;
  readonly counters: Counters;
}

export interface HistogramChange {
  readonly key: RollupKey;
  readonly metric: HistogramMetric;
  readonly bucket: number;
  count: number;
}

interface Owner {
  readonly applicationId: string;
  readonly agencyId: string;
  readonly procedureId: string;
}

/** One row of `report_file_entries`: a file in one figure's list (docs/metrics.md, "Drill-down"). */
export interface FileEntryRow extends FileEntry {
  readonly applicationId: string;
  readonly agencyId: string;
  readonly procedureId: string;
  readonly channel: Channel;
}

/** One row of `report_step_entries`: an ended step stretch of a file (docs/metrics.md, "Drill-down"). */
export interface StepEntryRow extends StepSample {
  readonly applicationId: string;
  readonly agencyId: string;
  readonly procedureId: string;
}

/** The coarser grains, by the length of their period: a date's change is also its month's and year's. */
const COARSER_GRAINS: readonly { grain: ReportGrain; length: number }[] = [
  { grain: 'month', length: 7 },
  { grain: 'year', length: 4 },
];

/**
 * Changes to the rollups, summed by row before they are written: one upsert per row however many
 * applications touch it. Changes are summed by local date; each date's change is also its month's and
 * its year's.
 */
export class RollupChanges {
  private readonly dayRows = new Map<string, RollupRowChange>();
  private readonly dayHistograms = new Map<string, HistogramChange>();
  private readonly steps = new StepRollupChanges();
  private readonly fileEntries = new Map<string, { row: FileEntryRow; count: number }>();
  private readonly stepEntries = new Map<string, { row: StepEntryRow; count: number }>();

  public add(owner: Owner, contribution: ApplicationContribution | null, sign: 1 | -1 = 1): void {
    if (!contribution) return;
    this.steps.add(owner, contribution.steps, sign);
    for (const sample of contribution.steps) {
      const row: StepEntryRow = {
        ...sample,
        applicationId: owner.applicationId,
        agencyId: owner.agencyId,
        procedureId: owner.procedureId,
      };
      countChange(this.stepEntries, JSON.stringify(Object.values(row)), row, sign);
    }
    for (const entry of contribution.files) {
      const row: FileEntryRow = {
        ...entry,
        applicationId: owner.applicationId,
        agencyId: owner.agencyId,
        procedureId: owner.procedureId,
        channel: contribution.channel,
      };
      const id = [
        row.applicationId,
        row.figure,
        row.date,
        row.until,
        row.at,
        row.agencyId,
        row.procedureId,
        row.channel,
      ].join('|');
      countChange(this.fileEntries, id, row, sign);
    }
    const suffix = `|${owner.agencyId}|${owner.procedureId}|${contribution.channel}`;
    for (const [date, counters] of contribution.days) {
      const id = date + suffix;
      let row = this.dayRows.get(id);
      if (!row) {
        row = { key: keyOf(owner, contribution.channel, 'day', date), counters: zeroCounters() };
        this.dayRows.set(id, row);
      }
      addCounters(row.counters, counters, sign);
    }
    for (const sample of contribution.durations) {
      const bucket = bucketOf(sample.ms);
      const id = `${sample.date}${suffix}|${sample.metric}|${bucket}`;
      const change = this.dayHistograms.get(id);
      if (change) change.count += sign;
      else {
        const key = keyOf(owner, contribution.channel, 'day', sample.date);
        this.dayHistograms.set(id, { key, metric: sample.metric, bucket, count: sign });
      }
    }
  }

  /** Rows that change, of every grain, in one fixed order so concurrent writers lock rows alike. */
  public rows(): RollupRowChange[] {
    const coarser = new Map<string, RollupRowChange>();
    for (const row of this.dayRows.values()) {
      for (const key of coarserKeys(row.key)) {
        const id = idOf(key);
        let total = coarser.get(id);
        if (!total) {
          total = { key, counters: zeroCounters() };
          coarser.set(id, total);
        }
        addCounters(total.counters, row.counters);
      }
    }
    return [...this.dayRows.values(), ...coarser.values()].filter((row) => !isZero(row.counters)).sort(byKey);
  }

  /**
   * The file list entries that go (a file's entry as it was) and those that come (as it is now): an
   * entry that changed goes and comes back, so the ones that go are deleted before the others are written.
   */
  public fileEntryChanges(): { removed: FileEntryRow[]; added: FileEntryRow[] } {
    return entryChanges(this.fileEntries);
  }

  /** The step stretch entries that go and those that come, as `fileEntryChanges`. */
  public stepEntryChanges(): { removed: StepEntryRow[]; added: StepEntryRow[] } {
    return entryChanges(this.stepEntries);
  }

  public stepRows(): StepRollupRowChange[] {
    return this.steps.rows();
  }

  public histograms(): HistogramChange[] {
    const coarser = new Map<string, HistogramChange>();
    for (const change of this.dayHistograms.values()) {
      for (const key of coarserKeys(change.key)) {
        const id = `${idOf(key)}|${change.metric}|${change.bucket}`;
        const total = coarser.get(id);
        if (total) total.count += change.count;
        else coarser.set(id, { key, metric: change.metric, bucket: change.bucket, count: change.count });
      }
    }
    return [...this.dayHistograms.values(), ...coarser.values()]
      .filter((change) => change.count !== 0)
      .sort((a, b) => byKey(a, b) || compare(a.metric, b.metric) || a.bucket - b.bucket);
  }
}

function countChange<Row>(
  changes: Map<string, { row: Row; count: number }>,
  id: string,
  row: Row,
  sign: 1 | -1,
): void {
  const change = changes.get(id);
  if (change) change.count += sign;
  else changes.set(id, { row, count: sign });
}

function entryChanges<Row>(changes: Map<string, { row: Row; count: number }>): {
  removed: Row[];
  added: Row[];
} {
  const all = [...changes.values()];
  return {
    removed: all.filter((change) => change.count < 0).map((change) => change.row),
    added: all.filter((change) => change.count > 0).map((change) => change.row),
  };
}

function keyOf(owner: Owner, channel: Channel, grain: ReportGrain, period: string): RollupKey {
  return { grain, period, agencyId: owner.agencyId, procedureId: owner.procedureId, channel };
}

function coarserKeys(day: RollupKey): RollupKey[] {
  return COARSER_GRAINS.map(({ grain, length }) => ({ ...day, grain, period: day.period.slice(0, length) }));
}

function idOf(key: RollupKey): string {
  return `${key.grain}|${key.period}|${key.agencyId}|${key.procedureId}|${key.channel}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byKey(a: { key: RollupKey }, b: { key: RollupKey }): number {
  return (
    compare(a.key.grain, b.key.grain) ||
    compare(a.key.period, b.key.period) ||
    compare(a.key.agencyId, b.key.agencyId) ||
    compare(a.key.procedureId, b.key.procedureId) ||
    compare(a.key.channel, b.key.channel)
  );
}
