import { stepFieldsOf } from '@onegate/domain';
import type { Action, Channel, StepEventFields } from '@onegate/domain';

/** One event as the reports read it: the recorded due time and paused time come from its data. */
export interface HistoryEvent {
  readonly type: Action;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly channel: Channel;
  /** `dueAt` recorded by receive, register_counter and supplement. */
  readonly dueAt: number | null;
  /** Total paused working milliseconds recorded by supplement. */
  readonly pausedMs: number | null;
  /** The step fields the event recorded (docs/lifecycle.md, "Internal processing steps"), if any. */
  readonly step: StepEventFields | null;
}

/** Everything the report figures of one application depend on. */
export interface ApplicationHistory {
  /** The application's id: the file its figures' drill-down lists (docs/metrics.md, "Drill-down"). */
  readonly applicationId: string;
  readonly agencyId: string;
  readonly procedureId: string;
  readonly feeVnd: number;
  /** In the order they happened (their sequence). */
  readonly events: readonly HistoryEvent[];
  /** The citizen's score, 1 to 5, if they rated it. */
  readonly rating: number | null;
}

export interface StoredEvent {
  type: Action;
  at: Date | number;
  channel: Channel;
  data: Record<string, unknown>;
}

/** Reads a stored event (its `data` as recorded by the action) into a history event. */
export function historyEventOf(event: StoredEvent): HistoryEvent {
  const dueAt = typeof event.data.dueAt === 'string' ? Date.parse(event.data.dueAt) : null;
  const pausedMs = typeof event.data.pausedMs === 'number' ? event.data.pausedMs : null;
  return {
    type: event.type,
    at: typeof event.at === 'number' ? event.at : event.at.getTime(),
    channel: event.channel,
    dueAt,
    pausedMs,
    step: stepFieldsOf(event.data),
  };
}
