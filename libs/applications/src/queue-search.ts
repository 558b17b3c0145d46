import { hashNationalId } from '@onegate/config';
import { CLOSED_STATES, normalizeVietnamesePhone } from '@onegate/domain';
import { phoneLookupHash } from '@onegate/persistence';
import type { QueueFilter } from '@onegate/persistence';

const NATIONAL_ID = /^\d{12}$/;
// A receipt code or its beginning: the agency code, a dash, then date and number (docs/applications.md).
const RECEIPT_CODE = /^[A-Z0-9]+-[A-Z0-9-]*$/;

/**
 * me: the caller; none: nobody; agency: nobody, among the files of the caller's own agency; unit: the
 * files whose current step the caller's unit (their agency and role) holds and no named person holds.
 */
export const QUEUE_HOLDERS = ['me', 'none', 'agency', 'unit'] as const;
export type QueueHolder = (typeof QUEUE_HOLDERS)[number];

/** citizen: waiting for the citizen (a supplement asked for, or a fee due and unpaid). */
export const QUEUE_WAITING = ['citizen'] as const;
export type QueueWaiting = (typeof QUEUE_WAITING)[number];

export type QueueSearchKind = 'nationalId' | 'phone' | 'code' | 'name';

/**
 * What a queue search box holds: 12 digits are a national ID number, a Vietnamese phone number in any
 * accepted shape a phone, a code's shape a receipt code, else a name.
 */
export function queueSearchKind(text: string): QueueSearchKind {
  const compact = text.trim().toUpperCase();
  if (NATIONAL_ID.test(compact)) return 'nationalId';
  if (/\d/.test(compact) && normalizeVietnamesePhone(compact) !== null) return 'phone';
  if (RECEIPT_CODE.test(compact)) return 'code';
  return 'name';
}

/** Whether a search text identifies a person (a national ID or phone number): never put in a URL. */
export function isPersonalSearch(text: string): boolean {
  const kind = queueSearchKind(text);
  return kind === 'nationalId' || kind === 'phone';
}

/** The repository's filter for a search text; never the number itself, only its keyed hash. */
export function queueSearchFilter(
  text: string | undefined,
): Pick<QueueFilter, 'codePrefix' | 'nationalIdHash' | 'phoneHash' | 'applicantName'> {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return {};
  switch (queueSearchKind(trimmed)) {
    case 'nationalId':
      return { nationalIdHash: hashNationalId(trimmed) };
    case 'phone':
      return { phoneHash: phoneLookupHash(trimmed)! };
    case 'code':
      return { codePrefix: trimmed.toUpperCase() };
    default:
      return { applicantName: trimmed };
  }
}

/**
 * Whether the search could tell something about the applicant (a number or the name): files reached only
 * through a transferred step are then left out, and match by their receipt code alone.
 */
export function searchesTheApplicant(filter: ReturnType<typeof queueSearchFilter>): boolean {
  return (
    filter.nationalIdHash !== undefined ||
    filter.phoneHash !== undefined ||
    filter.applicantName !== undefined
  );
}

/** Finished files stay out of the queue unless asked for, or unless a state is asked for by name. */
export function excludedStatesOf(finished: boolean | undefined, states: readonly string[] | undefined) {
  return finished || states?.length ? undefined : CLOSED_STATES;
}
