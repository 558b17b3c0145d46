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
  /** What its documents and result say for the digitisation criteria (docs/metrics.md, "Digitisation"). */
  readonly documents: DocumentFacts;
}

/** A file's documents and result as criteria 4b and 4c of the service index read them. */
export interface DocumentFacts {
  /** A document reached it in digital form: origin `uploaded`, `scanned` or `reused` (message files aside). */
  readonly digital: boolean;
  /** A document came from the citizen's store: origin `reused`. */
  readonly reused: boolean;
  /** A signed electronic result or decision letter was issued: a `results` row. */
  readonly electronicResult: boolean;
}

/** The origins that mean a document reached the file in digital form, by any channel. */
const DIGITAL_ORIGINS: ReadonlySet<string> = new Set(['uploaded', 'scanned', 'reused']);

/** The facts of a file with documents of these origins (its messages' files left out) and a result or not. */
export function documentFactsOf(origins: Iterable<string>, electronicResult: boolean): DocumentFacts {
  const all = [...origins];
  return {
    digital: all.some((origin) => DIGITAL_ORIGINS.has(origin)),
    reused: all.includes('reused'),
    electronicResult,
  };
}

/**
 * What a received file adds to 4b's and 4c's numerators (docs/metrics.md, "Digitisation"): digitised
 * when it holds a digital document and, once decided, an electronic result; reused when one of its
 * documents came from the citizen's store.
 */
export function digitisationCountersOf(
  facts: DocumentFacts,
  decided: boolean,
): { digitised: number; reused: number } {
  return {
    digitised: facts.digital && (!decided || facts.electronicResult) ? 1 : 0,
    reused: facts.reused ? 1 : 0,
  };
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
