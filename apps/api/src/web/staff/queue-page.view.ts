import type { ApplicationState } from '@onegate/domain';
import { isPersonalSearch, QUEUE_HOLDERS, QUEUE_WAITING } from '@onegate/applications';
import type { ApplicationDto, QueueHolder, QueueWaiting } from '@onegate/applications';
import { APPLICATION_STATES } from '@onegate/domain';

import { urgencyOf } from '../core/application-view';
import { choices } from '../core/choices';

/** What the page knows of a procedure it offers: its code and its process's steps. */
interface OfferedProcedure {
  code: string;
  steps?: { position: number; nameVi: string; nameEn: string }[];
}

// A step's clock runs while the file is being worked on; a supplement wait pauses it, a closed file ends it.
const WORKED_ON: readonly ApplicationState[] = ['received', 'in_progress', 'decided'];
const QUEUE_STATES = APPLICATION_STATES.filter((state) => state !== 'draft');
const URGENCIES = ['dueSoon', 'overdue'] as const;

export interface QueueFilters {
  state: ApplicationState | undefined;
  urgency: (typeof URGENCIES)[number] | '';
  procedure: string | undefined;
  /** A step (position) of the chosen procedure's process. */
  step: number | undefined;
  holder: QueueHolder | undefined;
  waiting: QueueWaiting | undefined;
  finished: boolean;
  /** The search box; a national ID or phone number only when it came by POST (docs/portal.md). */
  q: string;
  /** A national ID or phone number that came in a URL: not searched, the page says to use the form. */
  nationalIdInUrl: boolean;
  cursor: string | undefined;
}

/** The queue's filters as asked: only states, urgencies, procedures and steps the page offers count. */
export function queueFilters(
  fields: Record<string, string>,
  procedures: OfferedProcedure[],
  posted = false,
): QueueFilters {
  const q = fields.q?.trim().slice(0, 100) ?? '';
  const nationalIdInUrl = (!posted && isPersonalSearch(q)) || fields.notice === NATIONAL_ID_NOTICE;
  const chosen = procedures.find((item) => item.code === fields.procedure);
  const step = chosen?.steps?.find((item) => String(item.position) === fields.step)?.position;
  return {
    state: (QUEUE_STATES as readonly string[]).includes(fields.state ?? '')
      ? (fields.state as ApplicationState)
      : undefined,
    urgency: fields.urgency === 'dueSoon' || fields.urgency === 'overdue' ? fields.urgency : '',
    procedure: chosen?.code,
    step,
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
    step: filters.step,
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
  const { state, procedure, step, urgency, holder, waiting, finished, q } = filters;
  return new URLSearchParams({
    ...(state ? { state } : {}),
    ...(procedure ? { procedure } : {}),
    ...(step ? { step: String(step) } : {}),
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

export function queueView<Item extends Parameters<typeof urgencyOf>[0] & Pick<ApplicationDto, 'step'>>(
  filters: QueueFilters,
  askedCursor: boolean,
  procedures: OfferedProcedure[],
  page: { items: Item[]; nextCursor: string | null },
  now: number,
) {
  const { state, procedure, step, urgency, holder, waiting, finished, q } = filters;
  const searchedPerson = isPersonalSearch(q);
  const base = queueParams(filters);
  return {
    titleKey: 'queue.title',
    items: page.items.map((item) => ({
      ...item,
      ...urgencyOf(item, now),
      stepOverdue: stepOverdue(item, now),
    })),
    states: choices(QUEUE_STATES, state),
    procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure })),
    steps: (procedures.find((item) => item.code === procedure)?.steps ?? []).map((item) => ({
      ...item,
      selected: item.position === step,
    })),
    urgencies: choices(URGENCIES, urgency),
    holders: choices(QUEUE_HOLDERS, holder),
    waitings: choices(QUEUE_WAITING, waiting),
    finished,
    filtersOpen: Boolean(state || procedure || step || urgency || holder || waiting || finished),
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

/** A step is late while it is still open past its own due time (docs/lifecycle.md, "Processing steps"). */
function stepOverdue(
  item: Parameters<typeof urgencyOf>[0] & Pick<ApplicationDto, 'step'>,
  now: number,
): boolean {
  const due = item.step?.dueAt;
  return Boolean(due) && WORKED_ON.includes(item.state) && Date.parse(due!) < now;
}
