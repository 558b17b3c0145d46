import type { Channel } from '@onegate/domain';

import type { HistogramMetric } from './histogram';
import type { CounterName, Counters } from './report-counters';

/**
 * What a file's list entries are kept under (`report_file_entries.figure`): one per counted file of a
 * counter, `late`, the two backlogs, and the time in each state (docs/metrics.md, "Drill-down").
 */
export const ENTRY_FIGURES = [
  'received',
  'decided',
  'onTime',
  'late',
  'extended',
  'returned',
  'fullyOnline',
  'refused',
  'withdrawn',
  'rated',
  'backlog',
  'overdueBacklog',
  'inReceived',
  'inProgress',
  'inSupplementRequested',
  'inDecided',
  'indexOnTime',
  'indexOpenOnTime',
  'feeBearing',
  'paidOnline',
  'signedOnline',
  'digitised',
  'reused',
] as const;
export type EntryFigure = (typeof ENTRY_FIGURES)[number];

/** The backlogs count at the end of a date; the others on the local date of their event. */
export const STANDING_FIGURES: readonly EntryFigure[] = ['backlog', 'overdueBacklog', 'indexOpenOnTime'];

/**
 * One file in one figure's list: `date` is the local date it counts on (a standing figure: the first
 * date at whose end it counts, `until` the first at whose end it no longer does, null while it still
 * does); `at` the event time that put it there.
 */
export interface FileEntry {
  readonly figure: EntryFigure;
  readonly date: string;
  readonly until: string | null;
  readonly at: number;
}

/** What an event added to the counters, at its time and local date: the one source of both. */
export interface FigureMoment {
  readonly at: number;
  readonly date: string;
  readonly counters: Partial<Counters>;
}

/** A duration sample of a state, as the time-in-state report counts it. */
export interface StateMoment {
  readonly at: number;
  readonly date: string;
  readonly metric: HistogramMetric;
}

/**
 * The files each counter counts: a moment that adds 1 to the counter puts the file in the figure's
 * list, so a figure (the sum of its counter in the rollups) is the number of files in its list.
 * `late` is a decision not counted on time: `decided - onTime`.
 */
const COUNTED: readonly (readonly [CounterName, EntryFigure])[] = [
  ['received', 'received'],
  ['decided', 'decided'],
  ['onTime', 'onTime'],
  ['extended', 'extended'],
  ['returned', 'returned'],
  ['fullyOnline', 'fullyOnline'],
  ['refused', 'refused'],
  ['withdrawn', 'withdrawn'],
  ['ratingCount', 'rated'],
  ['indexOnTime', 'indexOnTime'],
  ['feeBearing', 'feeBearing'],
  ['paidOnline', 'paidOnline'],
  ['signedOnline', 'signedOnline'],
  ['digitised', 'digitised'],
  ['reused', 'reused'],
];

/**
 * The standing figures, from the changes of their counters: the service index's open files not late
 * (2a) are the backlog less the index's late open files, which are always part of it.
 */
const STANDING: readonly (readonly [(counters: Partial<Counters>) => number, EntryFigure])[] = [
  [(counters) => counters.backlogDelta ?? 0, 'backlog'],
  [(counters) => counters.overdueDelta ?? 0, 'overdueBacklog'],
  [(counters) => (counters.backlogDelta ?? 0) - (counters.indexLateOpenDelta ?? 0), 'indexOpenOnTime'],
];

const STATE_FIGURES: Partial<Record<HistogramMetric, EntryFigure>> = {
  received: 'inReceived',
  in_progress: 'inProgress',
  supplement_requested: 'inSupplementRequested',
  decided: 'inDecided',
};

/** The list entries of one file, from the same moments its rollup counters are summed from. */
export function fileEntriesOf(moments: readonly FigureMoment[], states: readonly StateMoment[]): FileEntry[] {
  const entries: FileEntry[] = [];
  const event = (figure: EntryFigure, moment: { at: number; date: string }) =>
    entries.push({ figure, date: moment.date, until: null, at: moment.at });
  for (const moment of moments) {
    for (const [counter, figure] of COUNTED) {
      if ((moment.counters[counter] ?? 0) > 0) event(figure, moment);
    }
    if ((moment.counters.decided ?? 0) > 0 && !((moment.counters.onTime ?? 0) > 0)) event('late', moment);
  }
  for (const sample of states) {
    const figure = STATE_FIGURES[sample.metric];
    if (figure) event(figure, sample);
  }
  for (const [change, figure] of STANDING) entries.push(...standingEntries(moments, change, figure));
  return entries;
}

/**
 * A standing figure counts the file at the end of a date when its changes up to that date add up to
 * more than 0, as the rollups' sum of changes does: one entry per stretch of such dates.
 */
function standingEntries(
  moments: readonly FigureMoment[],
  changeOf: (counters: Partial<Counters>) => number,
  figure: EntryFigure,
): FileEntry[] {
  const byDate = new Map<string, { change: number; at: number }>();
  for (const moment of moments) {
    const change = changeOf(moment.counters);
    if (change === 0) continue;
    const day = byDate.get(moment.date) ?? { change: 0, at: Number.POSITIVE_INFINITY };
    day.change += change;
    if (change > 0) day.at = Math.min(day.at, moment.at);
    byDate.set(moment.date, day);
  }
  const entries: FileEntry[] = [];
  let total = 0;
  let open: { date: string; at: number } | null = null;
  for (const date of [...byDate.keys()].sort()) {
    const day = byDate.get(date)!;
    total += day.change;
    if (total > 0 && !open) open = { date, at: Number.isFinite(day.at) ? day.at : 0 };
    else if (total <= 0 && open) {
      entries.push({ figure, date: open.date, until: date, at: open.at });
      open = null;
    }
  }
  if (open) entries.push({ figure, date: open.date, until: null, at: open.at });
  return entries;
}

/**
 * Which list each reported figure links to (docs/metrics.md, "Drill-down"): a count links to the files
 * it counts; a rate, a mean or a percentile to the files of its denominator. A list may join the entries
 * of several figures whose files never meet (2a's: the files decided in the period and those open at
 * its end).
 */
export const DRILL_DOWNS = {
  received: { entries: ['received'] },
  onlineSubmitted: { entries: ['received'], channel: 'online' },
  onlineSubmissionRate: { entries: ['received'] },
  decided: { entries: ['decided'] },
  onTime: { entries: ['onTime'] },
  late: { entries: ['late'] },
  onTimeRate: { entries: ['decided'] },
  extended: { entries: ['extended'] },
  returned: { entries: ['returned'] },
  fullyOnline: { entries: ['fullyOnline'] },
  fullyOnlineShare: { entries: ['returned'] },
  refused: { entries: ['refused'] },
  withdrawn: { entries: ['withdrawn'] },
  backlog: { entries: ['backlog'] },
  overdueBacklog: { entries: ['overdueBacklog'] },
  turnaroundDays: { entries: ['decided'] },
  satisfaction: { entries: ['rated'] },
  'timeInState.received': { entries: ['inReceived'] },
  'timeInState.in_progress': { entries: ['inProgress'] },
  'timeInState.supplement_requested': { entries: ['inSupplementRequested'] },
  'timeInState.decided': { entries: ['inDecided'] },
  // The service index's numerators and denominators (docs/decision-766.md, "Drill-down").
  'index.2a.numerator': { entries: ['indexOnTime', 'indexOpenOnTime'] },
  'index.2a.denominator': { entries: ['decided', 'backlog'] },
  'index.2b.denominator': { entries: ['decided'] },
  'index.3c.numerator': { entries: ['received'], channel: 'online' },
  'index.3c.denominator': { entries: ['received'] },
  'index.3e.numerator': { entries: ['paidOnline'] },
  'index.3e.denominator': { entries: ['feeBearing'] },
  'index.4a.numerator': { entries: ['signedOnline'] },
  'index.4a.denominator': { entries: ['decided'] },
  'index.4b.numerator': { entries: ['digitised'] },
  'index.4b.denominator': { entries: ['received'] },
  'index.4c.numerator': { entries: ['reused'] },
  'index.4c.denominator': { entries: ['received'] },
  'index.5c.denominator': { entries: ['returned'] },
} as const satisfies Record<string, { entries: readonly EntryFigure[]; channel?: Channel }>;

export type DrillDownFigure = keyof typeof DRILL_DOWNS;
export const DRILL_DOWN_FIGURES = Object.keys(DRILL_DOWNS) as DrillDownFigure[];
