import { ACTION_TABLE } from '@onegate/domain';
import type { Channel, WorkingCalendar } from '@onegate/domain';

import type { ApplicationHistory, HistoryEvent } from './application-history';
import { digitisationCountersOf } from './application-history';
import type { FigureMoment, FileEntry } from './figure-files';
import { fileEntriesOf } from './figure-files';
import type { HistogramMetric } from './histogram';
import { LocalDays } from './local-days';
import type { Counters } from './report-counters';
import type { StepCalendarOf, StepSample } from './step-contribution';
import { stepSamplesOf } from './step-contribution';

/** One duration for a histogram: on which local date it counts, what it measures, how long it was. */
export interface DurationSample {
  readonly date: string;
  /** The event it ends with (the decision or the return). */
  readonly at: number;
  readonly metric: HistogramMetric;
  readonly ms: number;
}

/** What one application adds to the reports, by local date of its competent agency. */
export interface ApplicationContribution {
  /** How it came in: `online` (submit) or `offline` (register_counter). */
  readonly channel: Channel;
  readonly days: ReadonlyMap<string, Partial<Counters>>;
  readonly durations: readonly DurationSample[];
  /** Its ended step stretches, for the step rollups. */
  readonly steps: readonly StepSample[];
  /** Where it stands in the figures' file lists (docs/metrics.md, "Drill-down"). */
  readonly files: readonly FileEntry[];
}

type WorkState = 'received' | 'in_progress' | 'supplement_requested' | 'decided';

/**
 * The report figures of one application, read from its events (docs/metrics.md, "The figures"). Each
 * figure counts on the local date of the event that defines it. The backlog and the overdue backlog
 * are recorded as +1 on the date from whose end the file counts and -1 on the date from whose end it
 * no longer does, so the backlog at the end of any date is the sum of the changes up to it:
 *
 * - backlog: from the date of reception until the date of decision or withdrawal;
 * - overdue backlog: for each stretch in which the file is worked on (from reception or a supplement
 *   until a supplement request, a decision or a withdrawal), from the date its due time passed (or the
 *   stretch began, if later) until the date the stretch ends;
 * - late open files of the service index (docs/decision-766.md, 2a): from the date it is overdue as
 *   above, or received a second supplement request, until the date of its decision or withdrawal.
 *
 * The digitisation counts of the service index (4b, 4c) count on the date of its reception, from what
 * its documents and result are now (`history.documents`).
 *
 * An application never submitted nor registered contributes nothing. Its step stretches are measured
 * on the calendar of each step's holding agency (`calendarOf`; the competent agency's when not given).
 */
export function contributionOf(
  history: ApplicationHistory,
  calendar: WorkingCalendar,
  calendarOf: StepCalendarOf = () => calendar,
): ApplicationContribution | null {
  const entry = history.events.find((event) => event.type === 'submit' || event.type === 'register_counter');
  if (!entry) return null;
  const localDays = LocalDays.of(calendar.timeZone);
  const days = new Map<string, Partial<Counters>>();
  const durations: DurationSample[] = [];
  const moments: FigureMoment[] = [];
  const dateOf = (ms: number) => localDays.dateOf(ms);
  const working = (from: number, to: number) =>
    calendar.workingMillisecondsBetween(new Date(from), new Date(to));
  const addOn = (date: string, counters: Partial<Counters>) => {
    const current = days.get(date) ?? {};
    for (const [name, value] of Object.entries(counters) as [keyof Counters, number][]) {
      if (value !== 0) current[name] = (current[name] ?? 0) + value;
    }
    days.set(date, current);
  };
  const add = (at: number, counters: Partial<Counters>) => {
    const date = dateOf(at);
    moments.push({ at, date, counters });
    addOn(date, counters);
  };
  // Service index, 2a (docs/decision-766.md): the dates an open file is late by the index's rule.
  const lateOpen: TimeInterval[] = [];
  let supplementRequests = 0;
  let resupplementedAt: number | null = null;
  const endResupplemented = (end: number) => {
    if (resupplementedAt !== null) lateOpen.push({ from: resupplementedAt, to: end });
    resupplementedAt = null;
  };

  let receivedAt: number | null = null;
  let dueAt: number | null = null;
  let pausedMs = 0;
  let extended = false;
  let decidedAt: number | null = null;
  let workedSince: number | null = null;
  let state: WorkState | null = null;
  let stateSince = 0;
  const timeInState = new Map<WorkState, number>();

  const endWorkStretch = (end: number) => {
    if (workedSince !== null && dueAt !== null) {
      const overdueFrom = Math.max(workedSince, dueAt);
      if (dateOf(overdueFrom) < dateOf(end)) {
        add(overdueFrom, { overdueDelta: 1 });
        add(end, { overdueDelta: -1 });
        lateOpen.push({ from: overdueFrom, to: end });
      }
    }
    workedSince = null;
  };
  const enter = (next: WorkState | null, at: number) => {
    if (state === next) return;
    if (state !== null) timeInState.set(state, (timeInState.get(state) ?? 0) + working(stateSince, at));
    state = next;
    stateSince = at;
  };

  // What each event does to the figures is its action's row of the action table (`counts`).
  for (const event of history.events) {
    switch (ACTION_TABLE[event.type].counts) {
      case 'reception':
        receivedAt = event.at;
        dueAt = event.dueAt;
        workedSince = event.at;
        add(event.at, {
          received: 1,
          backlogDelta: 1,
          feeBearing: history.feeVnd > 0 ? 1 : 0,
          paidOnline: history.feeVnd > 0 && hasOnline(history, 'pay') ? 1 : 0,
        });
        enter('received', event.at);
        break;
      case 'refusal':
        add(event.at, { refused: 1 });
        break;
      case 'withdrawal':
        add(event.at, { withdrawn: 1, backlogDelta: receivedAt === null ? 0 : -1 });
        endWorkStretch(event.at);
        endResupplemented(event.at);
        enter(null, event.at);
        break;
      case 'work':
        enter('in_progress', event.at);
        break;
      case 'pause':
        endWorkStretch(event.at);
        supplementRequests += 1;
        if (supplementRequests === 2 && receivedAt !== null) resupplementedAt = event.at;
        enter('supplement_requested', event.at);
        break;
      case 'resumption':
        dueAt = event.dueAt ?? dueAt;
        pausedMs = event.pausedMs ?? pausedMs;
        workedSince = event.at;
        enter('in_progress', event.at);
        break;
      case 'extension':
        extended = true;
        break;
      case 'decision': {
        if (receivedAt === null) break;
        decidedAt = event.at;
        endWorkStretch(event.at);
        endResupplemented(event.at);
        enter('decided', event.at);
        const turnaroundMs = working(receivedAt, event.at) - pausedMs;
        const onTime = dueAt !== null && event.at <= dueAt;
        add(event.at, {
          decided: 1,
          onTime: onTime ? 1 : 0,
          indexOnTime: onTime && supplementRequests <= 1 ? 1 : 0,
          signedOnline: hasOnline(history, 'sign') ? 1 : 0,
          extended: extended ? 1 : 0,
          turnaroundMs,
          backlogDelta: -1,
        });
        const date = dateOf(event.at);
        durations.push({ date, at: event.at, metric: 'turnaround', ms: turnaroundMs });
        for (const [worked, ms] of timeInState) {
          if (worked !== 'decided') durations.push({ date, at: event.at, metric: worked, ms });
        }
        break;
      }
      case 'return': {
        const rating = history.rating;
        add(event.at, {
          returned: 1,
          fullyOnline: isFullyOnline(history) ? 1 : 0,
          ratingCount: rating === null ? 0 : 1,
          ratingSum: rating ?? 0,
          satisfied: rating !== null && rating >= 4 ? 1 : 0,
          dissatisfied: rating !== null && rating <= 2 ? 1 : 0,
        });
        if (decidedAt !== null) {
          durations.push({
            date: dateOf(event.at),
            at: event.at,
            metric: 'decided',
            ms: working(decidedAt, event.at),
          });
        }
        enter(null, event.at);
        break;
      }
      default:
        break;
    }
  }
  // A stretch still being worked on counts as overdue from its due time on, until something happens.
  if (workedSince !== null && dueAt !== null) {
    const overdueFrom = Math.max(workedSince, dueAt);
    add(overdueFrom, { overdueDelta: 1 });
    lateOpen.push({ from: overdueFrom, to: null });
  }
  if (resupplementedAt !== null) lateOpen.push({ from: resupplementedAt, to: null });
  if (receivedAt !== null) add(receivedAt, digitisationCountersOf(history.documents, decidedAt !== null));
  for (const interval of mergedIntervals(lateOpen, dateOf)) {
    add(interval.fromAt, { indexLateOpenDelta: 1 });
    if (interval.toAt !== null) add(interval.toAt, { indexLateOpenDelta: -1 });
  }
  return {
    channel: entry.type === 'register_counter' ? 'offline' : 'online',
    days,
    durations,
    steps: stepSamplesOf(history, calendar.timeZone, calendarOf),
    files: fileEntriesOf(moments, durations),
  };
}

/** From one time until another (null: still). */
interface TimeInterval {
  readonly from: number;
  readonly to: number | null;
}

/**
 * Local dates `[from, to)`: from the end of `from` until the end of the day before `to`; `to` null:
 * still. `fromAt` and `toAt` are the times they begin and end at (the list entries' event times).
 */
interface DateInterval {
  readonly from: string;
  readonly to: string | null;
  readonly fromAt: number;
  readonly toAt: number | null;
}

/** The union of time intervals by local date, as disjoint date intervals in date order; empty ones dropped. */
export function mergedIntervals(
  intervals: readonly TimeInterval[],
  dateOf: (ms: number) => string,
): DateInterval[] {
  const sorted = intervals
    .map((interval) => ({
      from: dateOf(interval.from),
      to: interval.to === null ? null : dateOf(interval.to),
      fromAt: interval.from,
      toAt: interval.to,
    }))
    .filter((interval) => interval.to === null || interval.from < interval.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: { from: string; to: string | null; fromAt: number; toAt: number | null }[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && (last.to === null || interval.from <= last.to)) {
      if (last.to !== null && (interval.to === null || interval.to > last.to)) {
        last.to = interval.to;
        last.toAt = interval.toAt;
      }
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

function hasOnline(history: ApplicationHistory, type: HistoryEvent['type']): boolean {
  return history.events.some((event) => event.type === type && event.channel === 'online');
}

/** docs/lifecycle.md, "Fully online": returned, and online from submission to return. */
export function isFullyOnline(history: ApplicationHistory): boolean {
  const events: readonly HistoryEvent[] = history.events;
  const has = (type: HistoryEvent['type'], channel = 'online') =>
    events.some((event) => event.type === type && event.channel === channel);
  return (
    has('return') &&
    has('submit') &&
    (history.feeVnd === 0 || has('pay')) &&
    events.every((event) => event.channel === 'online') &&
    has('sign')
  );
}
