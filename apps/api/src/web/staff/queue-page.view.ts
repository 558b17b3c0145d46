import type { ApplicationState } from '@onegate/domain';
import { isPersonalSearch, QUEUE_HOLDERS, QUEUE_WAITING } from '@onegate/applications';
import type { QueueHolder, QueueWaiting } from '@onegate/applications';
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
  waiting: QueueWaiting | undefined;
  finished: boolean;
  /** The search box; a national ID or phone number only when it came by POST (docs/portal.md). */
  q: string;
  /** A national ID or phone number that came in a URL: not searched, the page says to use the form. */
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
  const nationalIdInUrl = (!posted && isPersonalSearch(q)) || fields.notice === NATIONAL_ID_NOTICE;
  return {
    state: (QUEUE_STATES as readonly string[]).includes(fields.state ?? '')
      ? (fields.state as ApplicationState)
      : undefined,
    urgency: fields.urgency === 'dueSoon' || fields.urgency === 'overdue' ? fields.urgency : '',
    procedure: procedures.some((item) => item.code === fields.procedure) ? fields.procedure : undefined,
    holder: (QUEUE_HOLDERS as readonly string[]).includes(fields.holder ?? '')
      ? (fields.holder as QueueHolder)
      : undefined,
    waiting: (QUEUE_WAITING as readonly string[]).includes(fields.waiting ?? '')
      ? (fields.waiting as QueueWaiting)
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
    waiting: filters.waiting,
    finished: filters.finished || undefined,
    q: filters.q || undefined,
    limit,
  };
}

const NATIONAL_ID_NOTICE = 'nationalIdInUrl';

/** The filters as a URL's query; a national ID or phone number never goes into one (docs/portal.md). */
export function queueParams(filters: QueueFilters): URLSearchParams {
  const { state, procedure, urgency, holder, waiting, finished, q } = filters;
  return new URLSearchParams({
    ...(state ? { state } : {}),
    ...(procedure ? { procedure } : {}),
    ...(urgency ? { urgency } : {}),
    ...(holder ? { holder } : {}),
    ...(waiting ? { waiting } : {}),
    ...(finished ? { finished: 'true' } : {}),
    ...(q && !isPersonalSearch(q) ? { q } : {}),
  });
}

/** Where a GET that carried a national ID or phone number goes instead: the same view without it, and a notice. */
export function withoutNationalId(filters: QueueFilters): string {
  return `/staff/queue?${new URLSearchParams([...queueParams(filters), ['notice', NATIONAL_ID_NOTICE]])}`;
}

export function queueView<Item extends Parameters<typeof urgencyOf>[0]>(
  filters: QueueFilters,
  askedCursor: boolean,
  procedures: { code: string }[],
  page: { items: Item[]; nextCursor: string | null },
  now: number,
) {
  const { state, procedure, urgency, holder, waiting, finished, q } = filters;
  const searchedPerson = isPersonalSearch(q);
  const base = queueParams(filters);
  return {
    titleKey: 'queue.title',
    items: page.items.map((item) => ({ ...item, ...urgencyOf(item, now) })),
    states: choices(QUEUE_STATES, state),
    procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure })),
    urgencies: choices(URGENCIES, urgency),
    holders: choices(QUEUE_HOLDERS, holder),
    waitings: choices(QUEUE_WAITING, waiting),
    finished,
    filtersOpen: Boolean(state || procedure || urgency || holder || waiting || finished),
    q: searchedPerson ? '' : q,
    nationalIdInUrl: filters.nationalIdInUrl,
    /** The view's query, which the bulk form carries so the same view comes back after it. */
    back: base.toString(),
    pageScripts: [{ src: '/assets/onegate/js/queue-select.mjs', module: true }],
    firstPage: askedCursor ? `/staff/queue?${base}` : null,
    nextPage:
      page.nextCursor && !searchedPerson
        ? `/staff/queue?${new URLSearchParams([...base, ['cursor', page.nextCursor]])}`
        : null,
  };
}
