import type { ApplicationState } from '@onegate/domain';
import { APPLICATION_STATES } from '@onegate/domain';

import { urgencyOf } from '../core/application-view';
import { choices } from '../core/choices';

const QUEUE_STATES = APPLICATION_STATES.filter((state) => state !== 'draft');
const URGENCIES = ['dueSoon', 'overdue'] as const;

export interface QueueFilters {
  state: ApplicationState | undefined;
  urgency: (typeof URGENCIES)[number] | '';
  procedure: string | undefined;
  cursor: string | undefined;
}

/** The queue's filters as asked: only states, urgencies and procedures the page offers count. */
export function queueFilters(fields: Record<string, string>, procedures: { code: string }[]): QueueFilters {
  return {
    state: (QUEUE_STATES as readonly string[]).includes(fields.state ?? '')
      ? (fields.state as ApplicationState)
      : undefined,
    urgency: fields.urgency === 'dueSoon' || fields.urgency === 'overdue' ? fields.urgency : '',
    procedure: procedures.some((item) => item.code === fields.procedure) ? fields.procedure : undefined,
    cursor: fields.cursor?.slice(0, 200) || undefined,
  };
}

/** The reading service's query for the filters, without the cursor. */
export function queueQuery(filters: QueueFilters, limit: number) {
  return {
    state: filters.state ? [filters.state] : undefined,
    procedure: filters.procedure,
    dueSoon: filters.urgency === 'dueSoon' || undefined,
    overdue: filters.urgency === 'overdue' || undefined,
    limit,
  };
}

export function queueView(
  filters: QueueFilters,
  askedCursor: boolean,
  procedures: { code: string }[],
  page: { items: Parameters<typeof urgencyOf>[0][]; nextCursor: string | null },
  now: number,
) {
  const { state, procedure, urgency } = filters;
  const base = new URLSearchParams({
    ...(state ? { state } : {}),
    ...(procedure ? { procedure } : {}),
    ...(urgency ? { urgency } : {}),
  });
  return {
    titleKey: 'queue.title',
    items: page.items.map((item) => ({ ...item, ...urgencyOf(item, now) })),
    states: choices(QUEUE_STATES, state),
    procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure })),
    urgencies: choices(URGENCIES, urgency),
    firstPage: askedCursor ? `/staff/queue?${base}` : null,
    nextPage: page.nextCursor
      ? `/staff/queue?${new URLSearchParams([...base, ['cursor', page.nextCursor]])}`
      : null,
  };
}
