import type { WorkingCalendar } from '../calendar';
import { FILE_CLOSING_ACTIONS, STEP_ENTERING_ACTIONS } from './step-fields';
import type { StepEventFields } from './step-fields';

/** One event of a file as the step stretches read it, in the order it happened. */
export interface StepHistoryEvent {
  readonly type: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly step: StepEventFields | null;
}

/** A stretch of time a file spent in one step, from the event entering it to the one ending it. */
export interface StepStretch {
  readonly stepId: string | null;
  readonly position: number;
  readonly name: string;
  /** The agency holding the step; its calendar counts the stretch's time. */
  readonly agencyId: string;
  readonly role: string;
  readonly startedAt: number;
  /** null while the file is still in the step. */
  readonly endedAt: number | null;
  /** The step's due time as last recorded (a supplement pushes it on); null if none was recorded. */
  readonly dueAt: number | null;
  /** Working milliseconds in the step, supplement waits excluded (to `asOf` for an open stretch). */
  readonly workingMs: number;
  /** Ended after its due time, or still open past it at `asOf`. */
  readonly late: boolean;
  /** Working milliseconds from the due time to the end (or `asOf`); 0 when not late. */
  readonly latenessMs: number;
}

interface OpenStretch {
  stepId: string | null;
  position: number;
  name: string;
  agencyId: string;
  role: string;
  startedAt: number;
  dueAt: number | null;
  pauses: [number, number][];
}

/**
 * The step stretches of a file's events (docs/metrics.md, "Processing steps"). A step-entering event
 * (reception, `forward`, `send_back`) ends the stretch in hand and starts one; closing the file
 * (`return`, `refuse`, `withdraw`) ends it. A supplement request pauses the stretch until the supplement,
 * which records the step's new due time (without one, the due time moves on by the wait's working
 * time). Entering the same step twice gives two stretches.
 * `asOf` measures a stretch still open; without it, it is measured to the last event.
 */
export function stepStretchesOf(
  events: readonly StepHistoryEvent[],
  calendarOf: (agencyId: string) => WorkingCalendar,
  asOf?: number,
): StepStretch[] {
  const stretches: StepStretch[] = [];
  let current: OpenStretch | null = null;
  let pausedSince: number | null = null;

  const end = (at: number) => {
    if (!current) return;
    if (pausedSince !== null) stopWaiting(current, pausedSince, at, calendarOf(current.agencyId));
    stretches.push(measured(current, at, calendarOf(current.agencyId)));
    current = null;
  };

  for (const event of events) {
    const step = event.step;
    if (FILE_CLOSING_ACTIONS.includes(event.type)) {
      end(event.at);
      pausedSince = null;
    } else if (STEP_ENTERING_ACTIONS.includes(event.type) && step?.step != null && step.stepAgencyId) {
      end(event.at);
      if (pausedSince !== null) pausedSince = event.at;
      current = {
        stepId: step.stepId,
        position: step.step,
        name: step.stepName ?? '',
        agencyId: step.stepAgencyId,
        role: step.stepRole ?? '',
        startedAt: event.at,
        dueAt: step.stepDueAt,
        pauses: [],
      };
    } else if (event.type === 'request_supplement') {
      pausedSince ??= event.at;
    } else if (event.type === 'supplement') {
      // The due time the supplement recorded stands; without one, it moves on by the wait.
      if (current && pausedSince !== null) {
        stopWaiting(current, pausedSince, event.at, calendarOf(current.agencyId));
      }
      pausedSince = null;
      if (current && step?.stepDueAt != null) current.dueAt = step.stepDueAt;
    }
  }
  const open = current as OpenStretch | null;
  if (open) {
    const until = Math.max(asOf ?? events[events.length - 1]!.at, open.startedAt);
    if (pausedSince !== null) stopWaiting(open, pausedSince, until, calendarOf(open.agencyId));
    stretches.push({ ...measured(open, until, calendarOf(open.agencyId)), endedAt: null });
  }
  return stretches;
}

/**
 * A supplement wait ends (by the supplement, or the stretch ending or being measured during it): the
 * wait is not counted, and the due time moves on by its working time, as the `pause` policy moves it.
 */
function stopWaiting(stretch: OpenStretch, since: number, until: number, calendar: WorkingCalendar): void {
  const from = Math.max(since, stretch.startedAt);
  stretch.pauses.push([from, until]);
  if (stretch.dueAt !== null && until > from) {
    const waitedMs = calendar.workingMillisecondsBetween(new Date(from), new Date(until));
    stretch.dueAt = calendar.addWorkingTime(new Date(stretch.dueAt), waitedMs / 3_600_000).getTime();
  }
}

function measured(stretch: OpenStretch, end: number, calendar: WorkingCalendar): StepStretch {
  const working = (from: number, to: number) =>
    to <= from ? 0 : calendar.workingMillisecondsBetween(new Date(from), new Date(to));
  const paused = stretch.pauses.reduce(
    (sum, [from, to]) => sum + working(Math.max(from, stretch.startedAt), Math.min(to, end)),
    0,
  );
  const late = stretch.dueAt !== null && end > stretch.dueAt;
  return {
    stepId: stretch.stepId,
    position: stretch.position,
    name: stretch.name,
    agencyId: stretch.agencyId,
    role: stretch.role,
    startedAt: stretch.startedAt,
    endedAt: end,
    dueAt: stretch.dueAt,
    workingMs: working(stretch.startedAt, end) - paused,
    late,
    latenessMs: late ? working(stretch.dueAt!, end) : 0,
  };
}
