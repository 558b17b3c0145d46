import type { ApplicationState } from '@onegate/domain';
import { QUEUE_HOLDERS, queueSearchKind } from '@onegate/applications';
import type { QueueHolder } from '@onegate/applications';
import { APPLICATION_STATES } from '@onegate/domain';

import { urgencyOf } from '../core/application-view';
import { choices } from '../core/choices';

const QUEUE_STATES = APPLICATION_STATES.filter((state) => state !== 'draft');
const URGENCIES = ['dueSoon', 'overdue'] as const;

export interface QueueFilters {
  state: ApplicationState | undefined;
  urgency: (typeof URGENCIES)[number] | '';
  procedure: string | undefined;
  holder: QueueHolder | undefined;
  finished: boolean;
  /** The search box; a national ID number only when it came by POST (docs/portal.md). */
  q: string;
  /** A national ID number that came in a URL: not searched, the page says to use the form. */
  nationalIdInUrl: boolean;
  cursor: string | undefined;
}

/** The queue's filters as asked: only states, urgencies and procedures the page offers count. */
export function queueFilters(
  fields: Record<string, string>,
  procedures: { code: string }[],
  posted = false,
): QueueFilters {
  const q = fields.q?.trim().slice(0, 100) ?? '';
  const nationalIdInUrl = !posted && queueSearchKind(q) === 'nationalId';
  return {
    state: (QUEUE_STATES as readonly string[]).includes(fields.state ?? '')
      ? (fields.state as ApplicationState)
      : undefined,
    urgency: fields.urgency === 'dueSoon' || fields.urgency === 'overdue' ? fields.urgency : '',
    procedure: procedures.some((item) => item.code === fields.procedure) ? fields.procedure : undefined,
    holder: (QUEUE_HOLDERS as readonly string[]).includes(fields.holder ?? '')
      ? (fields.holder as QueueHolder)
      : undefined,
    finished: fields.finished === 'true',
    q: nationalIdInUrl ? '' : q,
    nationalIdInUrl,
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
    holder: filters.holder,
    finished: filters.finished || undefined,
    q: filters.q || undefined,
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
  const { state, procedure, urgency, holder, finished, q } = filters;
  const searchedNationalId = queueSearchKind(q) === 'nationalId';
  const base = new URLSearchParams({
    ...(state ? { state } : {}),
    ...(procedure ? { procedure } : {}),
    ...(urgency ? { urgency } : {}),
    ...(holder ? { holder } : {}),
    ...(finished ? { finished: 'true' } : {}),
    // A national ID number never goes into a link (docs/portal.md).
    ...(q && !searchedNationalId ? { q } : {}),
  });
  return {
    titleKey: 'queue.title',
    items: page.items.map((item) => ({ ...item, ...urgencyOf(item, now) })),
    states: choices(QUEUE_STATES, state),
    procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure })),
    urgencies: choices(URGENCIES, urgency),
    holders: choices(QUEUE_HOLDERS, holder),
    finished,
    q: searchedNationalId ? '' : q,
    nationalIdInUrl: filters.nationalIdInUrl,
    firstPage: askedCursor ? `/staff/queue?${base}` : null,
    nextPage:
      page.nextCursor && !searchedNationalId
        ? `/staff/queue?${new URLSearchParams([...base, ['cursor', page.nextCursor]])}`
        : null,
  };
}
