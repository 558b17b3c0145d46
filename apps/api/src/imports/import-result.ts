import type { Application, IssuedResult } from '@onegate/persistence';
import { NO_STORED_COPY } from '@onegate/persistence';
import { timeOrderedId } from '@onegate/platform';

import { ImportLineError } from './import-line-checks';

/**
 * The result a decision or a return says was issued (docs/metrics.md, "Historical import"): electronic
 * (signed digitally) or not, and who signed it. Metadata only: the signed document is not imported.
 */
export interface ImportResult {
  electronic: boolean;
  signer: string | null;
}

/** The events that may say how the result was issued: the decision, and the return that hands it back. */
const RESULT_EVENTS: readonly string[] = ['approve', 'deny', 'return'];
const FIELDS: readonly string[] = ['electronic', 'signer'];
/** Who signed an imported result when the line does not say. */
export const IMPORTED_SIGNER = 'imported, no copy';

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

/** Reads an event's `result`; absent: nothing said. */
export function importResultOf(
  event: Record<string, unknown>,
  type: string,
  path: string,
): ImportResult | undefined {
  const value = event.result;
  if (value === undefined) return undefined;
  const field = `${path}.result`;
  if (!RESULT_EVENTS.includes(type)) return fail(`${field} is not taken by ${type}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(`${field} must be a JSON object`);
  const result = value as Record<string, unknown>;
  for (const key of Object.keys(result)) {
    if (!FIELDS.includes(key)) fail(`${field}.${key} is not a field of result (${FIELDS.join(', ')})`);
  }
  if (typeof result.electronic !== 'boolean') return fail(`${field}.electronic must be true or false`);
  const signer = result.signer;
  if (signer !== undefined && (typeof signer !== 'string' || signer.trim() === '' || signer.length > 255))
    fail(`${field}.signer must be a non-empty text of at most 255 characters`);
  if (signer !== undefined && !result.electronic) fail(`${field}.signer is only for an electronic result`);
  return { electronic: result.electronic, signer: typeof signer === 'string' ? signer.trim() : null };
}

/**
 * The `results` row of an electronic result, as issuing one writes it, without a stored copy: its kind
 * follows the file's decision, its time is the event's.
 */
export function resultRowOf(
  result: ImportResult,
  application: Pick<Application, 'id' | 'code' | 'outcome'>,
  at: Date,
): IssuedResult {
  return {
    id: timeOrderedId(),
    applicationId: application.id,
    code: application.code!,
    kind: application.outcome === 'denied' ? 'decision_letter' : 'result',
    sha256: '',
    sizeBytes: 0,
    storageKey: NO_STORED_COPY,
    signer: result.signer ?? IMPORTED_SIGNER,
    signedAt: at,
  };
}
