import type { ApplicationState } from './lifecycle';

/** The ends of the state table: nothing more happens to a file in one of these. */
export const CLOSED_STATES: readonly ApplicationState[] = ['returned', 'refused', 'withdrawn'];

/** How long a closed file keeps its personal data and documents unless its procedure says otherwise. */
export const DEFAULT_RETENTION_DAYS = 3_650;
/** A hundred years; `null` (keep forever) is the way to say longer. */
export const MAX_RETENTION_DAYS = 36_500;

const DAY_MS = 24 * 3_600_000;

/** Files closed at or before this instant are past a retention of `retentionDays` at `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export function isPastRetention(
  application: { state: ApplicationState; closedAt: Date | null },
  retentionDays: number | null,
  now: Date,
): boolean {
  if (retentionDays === null || application.closedAt === null) return false;
  if (!CLOSED_STATES.includes(application.state)) return false;
  return application.closedAt.getTime() <= retentionCutoff(now, retentionDays).getTime();
}
