import { hashNationalId } from '@onegate/config';
import { CLOSED_STATES } from '@onegate/domain';
import type { QueueFilter } from '@onegate/persistence';

const NATIONAL_ID = /^\d{12}$/;
// A receipt code or its beginning: the agency code, a dash, then date and number (docs/applications.md).
const RECEIPT_CODE = /^[A-Z0-9]+-[A-Z0-9-]*$/;

export const QUEUE_HOLDERS = ['me', 'none'] as const;
export type QueueHolder = (typeof QUEUE_HOLDERS)[number];

export type QueueSearchKind = 'nationalId' | 'code' | 'name';

/** What a queue search box holds: 12 digits are a national ID number, a code's shape a receipt code, else a name. */
export function queueSearchKind(text: string): QueueSearchKind {
  const compact = text.trim().toUpperCase();
  if (NATIONAL_ID.test(compact)) return 'nationalId';
  if (RECEIPT_CODE.test(compact)) return 'code';
  return 'name';
}

/** The repository's filter for a search text; never the national ID itself, only its keyed hash. */
export function queueSearchFilter(
  text: string | undefined,
): Pick<QueueFilter, 'codePrefix' | 'nationalIdHash' | 'applicantName'> {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return {};
  switch (queueSearchKind(trimmed)) {
    case 'nationalId':
      return { nationalIdHash: hashNationalId(trimmed) };
    case 'code':
      return { codePrefix: trimmed.toUpperCase() };
    default:
      return { applicantName: trimmed };
  }
}

/** Finished files stay out of the queue unless asked for, or unless a state is asked for by name. */
export function excludedStatesOf(finished: boolean | undefined, states: readonly string[] | undefined) {
  return finished || states?.length ? undefined : CLOSED_STATES;
}
