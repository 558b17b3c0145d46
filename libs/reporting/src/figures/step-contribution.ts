import { stepStretchesOf } from '@onegate/domain';
import type { WorkingCalendar } from '@onegate/domain';

import type { ApplicationHistory } from './application-history';
import { LocalDays } from './local-days';

/** The calendar of an agency holding a step, by its id. */
export type StepCalendarOf = (agencyId: string) => WorkingCalendar;

/** One ended step stretch as the rollups count it: on the competent agency's local date of its end. */
export interface StepSample {
  readonly date: string;
  /** When it ended, and its place among the application's stretches (0 first). */
  readonly at: number;
  readonly stretch: number;
  readonly position: number;
  readonly name: string;
  readonly holderAgencyId: string;
  readonly holderRole: string;
  readonly workingMs: number;
  readonly late: boolean;
  readonly latenessMs: number;
}

/**
 * The ended step stretches of one application (docs/metrics.md, "Processing steps"), each counted on
 * the local date of its end in the competent agency's time zone. A stretch still open counts nowhere
 * yet: it counts, whole, on the date it ends.
 */
export function stepSamplesOf(
  history: ApplicationHistory,
  timeZone: string,
  calendarOf: StepCalendarOf,
): StepSample[] {
  const localDays = LocalDays.of(timeZone);
  return stepStretchesOf(history.events, calendarOf).flatMap((stretch, index) =>
    stretch.endedAt === null
      ? []
      : [
          {
            date: localDays.dateOf(stretch.endedAt),
            at: stretch.endedAt,
            stretch: index,
            position: stretch.position,
            name: stretch.name,
            holderAgencyId: stretch.agencyId,
            holderRole: stretch.role,
            workingMs: stretch.workingMs,
            late: stretch.late,
            latenessMs: stretch.latenessMs,
          },
        ],
  );
}

/** The agencies holding a step in the history, whose calendars its step samples need. */
export function stepAgenciesOf(history: Pick<ApplicationHistory, 'events'>): string[] {
  const ids = new Set<string>();
  for (const event of history.events) if (event.step?.stepAgencyId) ids.add(event.step.stepAgencyId);
  return [...ids];
}
