import { Injectable } from '@nestjs/common';

import { addDays } from '@onegate/domain';
import type { Channel } from '@onegate/domain';

import { percentileFromHistogram } from '../figures/histogram';
import { BEGINNING, monthsBetween, periodRanges } from '../figures/period-ranges';
import type { FigureTotals, ReportFigures } from '../figures/report-figures';
import { emptyTotals, figuresOf, hasActivity, mergeTotals } from '../figures/report-figures';
import type { GroupSums, RollupGrouping, RollupScope, StepSums } from '../rollups/report-rollup.repository';
import { ReportRollupRepository } from '../rollups/report-rollup.repository';
import type { ReportCatalogue } from './report-catalogue';
import type { BreakdownStepFigures, StepLine, StepReport } from './step-report';
import { breakdownStepFiguresOf, NO_STEP_FIGURES, stepReportOf } from './step-report';

/** A report's period, inclusive local dates `YYYY-MM-DD`, and the rows it covers. */
export interface ReportQuery extends RollupScope {
  readonly from: string;
  readonly to: string;
}

export const BREAKDOWN_GROUPINGS = ['agency', 'procedure', 'field', 'month', 'channel'] as const;
export type BreakdownGrouping = (typeof BREAKDOWN_GROUPINGS)[number];

export interface BreakdownGroup extends ReportFigures {
  /** The agency or procedure code, the field, the month `YYYY-MM`, or the channel. */
  key: string;
  name: { vi: string; en: string } | null;
  /**
   * The step stretches ended in the period in the group (docs/metrics.md, "Breakdowns"); null where
   * the step rollups cannot be split that way (by channel).
   */
  steps: BreakdownStepFigures | null;
}

export const WORK_STATES = ['received', 'in_progress', 'supplement_requested', 'decided'] as const;
export type WorkState = (typeof WORK_STATES)[number];

export interface StateTime {
  count: number;
  medianHours: number | null;
}

export interface ProcedureTimeInState {
  procedure: string;
  name: { vi: string; en: string };
  states: Record<WorkState, StateTime>;
  /** Its steps, where the files of the procedure have steps: the stretches ended in the period. */
  steps: Omit<StepLine, 'procedure' | 'procedureName'>[];
}

const CHANNELS: Channel[] = ['online', 'offline'];
const MS_PER_HOUR = 3_600_000;

/** Report figures read from the rollups: sums of a few rows per key, never the events. */
@Injectable()
export class ReportQueryService {
  public constructor(private readonly rollups: ReportRollupRepository) {}

  public async summary(query: ReportQuery): Promise<ReportFigures> {
    const totals = await this.totals(query, null);
    return figuresOf(totals.get('all') ?? emptyTotals());
  }

  /**
   * The figures per group. Agencies, procedures and fields are listed when anything happened in them
   * (or files wait in them at the end); every month of the period and both channels are always listed.
   * A month's backlog is the backlog at the end of that month (or at `to`, for the last one).
   */
  public async breakdown(
    query: ReportQuery,
    grouping: BreakdownGrouping,
    catalogue: ReportCatalogue,
  ): Promise<BreakdownGroup[]> {
    const [totals, steps] = await Promise.all([
      this.totals(query, grouping === 'field' ? 'procedure' : grouping),
      this.breakdownSteps(query, grouping, catalogue),
    ]);
    const group = (
      key: string,
      name: BreakdownGroup['name'],
      figures: FigureTotals,
      stepKey = key,
    ): BreakdownGroup => ({
      key,
      name,
      ...figuresOf(figures),
      steps: steps && (steps.get(stepKey) ?? NO_STEP_FIGURES),
    });
    switch (grouping) {
      case 'month':
        return monthsBetween(query.from, query.to).map((month) =>
          group(month, null, totals.get(month) ?? emptyTotals()),
        );
      case 'channel':
        return CHANNELS.map((channel) => group(channel, null, totals.get(channel) ?? emptyTotals()));
      case 'agency':
        return [...totals]
          .filter(([, figures]) => hasActivity(figures))
          .map(([id, figures]) => {
            const agency = catalogue.agency(id);
            return group(
              agency?.code ?? id,
              agency ? { vi: agency.nameVi, en: agency.nameEn } : null,
              figures,
              id,
            );
          })
          .sort(byKey);
      case 'procedure':
        return [...totals]
          .filter(([, figures]) => hasActivity(figures))
          .map(([id, figures]) => {
            const procedure = catalogue.procedure(id);
            const name = procedure ? { vi: procedure.nameVi, en: procedure.nameEn } : null;
            return group(procedure?.code ?? id, name, figures, id);
          })
          .sort(byKey);
      case 'field': {
        const byField = new Map<string, FigureTotals>();
        for (const [id, figures] of totals) {
          const field = catalogue.procedure(id)?.field ?? '';
          const merged = byField.get(field) ?? emptyTotals();
          mergeTotals(merged, figures);
          byField.set(field, merged);
        }
        return [...byField]
          .filter(([, figures]) => hasActivity(figures))
          .map(([field, figures]) => group(field, null, figures))
          .sort(byKey);
      }
    }
  }

  /**
   * Median working hours spent in each state, per procedure: received, in progress and waiting for a
   * supplement over the applications decided in the period (each application's total time in the
   * state, when it was in it at all), and decided-before-return over those returned in the period.
   */
  public async timeInState(query: ReportQuery, catalogue: ReportCatalogue): Promise<ProcedureTimeInState[]> {
    const [histograms, steps] = await Promise.all([
      this.rollups.histograms(query, periodRanges(query.from, query.to), 'procedure', WORK_STATES),
      this.steps(query, catalogue),
    ]);
    const result: ProcedureTimeInState[] = [];
    for (const [procedureId, byMetric] of histograms) {
      const procedure = catalogue.procedure(procedureId);
      const states = {} as Record<WorkState, StateTime>;
      for (const state of WORK_STATES) states[state] = stateTime(byMetric.get(state));
      result.push({
        procedure: procedure?.code ?? procedureId,
        name: { vi: procedure?.nameVi ?? '', en: procedure?.nameEn ?? '' },
        states,
        steps: steps.steps
          .filter((step) => step.procedure === (procedure?.code ?? procedureId))
          .map(({ procedure: _code, procedureName: _name, ...step }) => step)
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)),
      });
    }
    return result
      .filter((entry) => WORK_STATES.some((state) => entry.states[state].count > 0))
      .sort((a, b) => a.procedure.localeCompare(b.procedure));
  }

  /**
   * The step stretches ended in the period, per step, per holding unit, and per competent agency with
   * the hours spent at other agencies (docs/metrics.md, "Processing steps").
   */
  public async steps(query: ReportQuery, catalogue: ReportCatalogue): Promise<StepReport> {
    return stepReportOf(await this.rollups.stepSums(query, periodRanges(query.from, query.to)), catalogue);
  }

  /**
   * The step figures per group of a breakdown, from the step rollups: by competent agency, procedure,
   * the procedure's field, or the month the stretches ended in. The step rollups have no submission
   * channel: by channel, there are none (null).
   */
  private async breakdownSteps(
    query: ReportQuery,
    grouping: BreakdownGrouping,
    catalogue: ReportCatalogue,
  ): Promise<Map<string, BreakdownStepFigures> | null> {
    if (grouping === 'channel') return null;
    const byMonth = grouping === 'month';
    const rows = await this.rollups.stepSums(
      query,
      periodRanges(query.from, query.to, byMonth ? 'month' : 'year'),
      byMonth,
    );
    const groupOf = {
      agency: (row: StepSums) => row.agencyId,
      procedure: (row: StepSums) => row.procedureId,
      field: (row: StepSums) => catalogue.procedure(row.procedureId)?.field ?? '',
      month: (row: StepSums) => row.month!,
    }[grouping];
    return breakdownStepFiguresOf(rows, groupOf);
  }

  private async totals(query: ReportQuery, grouping: RollupGrouping): Promise<Map<string, FigureTotals>> {
    // A yearly row cannot be split into its months.
    const ranges = periodRanges(query.from, query.to, grouping === 'month' ? 'month' : 'year');
    // By month: the backlog before the period, then each month's changes; otherwise the backlog at `to`.
    const backlogSums =
      grouping !== 'month'
        ? this.rollups.sums(query, periodRanges(BEGINNING, query.to), grouping)
        : query.from > BEGINNING
          ? this.rollups.sums(query, periodRanges(BEGINNING, addDays(query.from, -1)), null)
          : Promise.resolve(new Map<string, GroupSums>());
    const [sums, histograms, backlogs] = await Promise.all([
      this.rollups.sums(query, ranges, grouping),
      this.rollups.histograms(query, ranges, grouping, ['turnaround']),
      backlogSums,
    ]);
    const totals = new Map<string, FigureTotals>();
    const totalsOf = (key: string) => {
      let entry = totals.get(key);
      if (!entry) {
        entry = emptyTotals();
        totals.set(key, entry);
      }
      return entry;
    };
    for (const [key, sum] of sums) {
      const entry = totalsOf(key);
      entry.counters = sum.counters;
      entry.onlineReceived = sum.onlineReceived;
    }
    for (const [key, byMetric] of histograms) {
      totalsOf(key).turnaround = byMetric.get('turnaround') ?? new Map();
    }
    if (grouping === 'month') {
      const before = backlogs.get('all');
      let backlog = before?.counters.backlogDelta ?? 0;
      let overdue = before?.counters.overdueDelta ?? 0;
      for (const month of monthsBetween(query.from, query.to)) {
        const entry = totalsOf(month);
        backlog += entry.counters.backlogDelta;
        overdue += entry.counters.overdueDelta;
        entry.backlog = backlog;
        entry.overdueBacklog = overdue;
      }
    } else {
      for (const [key, sum] of backlogs) {
        const entry = totalsOf(key);
        entry.backlog = sum.counters.backlogDelta;
        entry.overdueBacklog = sum.counters.overdueDelta;
      }
    }
    return totals;
  }
}

function stateTime(buckets: Map<number, number> | undefined): StateTime {
  const counts = buckets ?? new Map<number, number>();
  const count = [...counts.values()].reduce((sum, value) => sum + value, 0);
  const median = percentileFromHistogram(counts, 50);
  return { count, medianHours: median === null ? null : Math.round((median / MS_PER_HOUR) * 100) / 100 };
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
