import { ACTIONS } from '@onegate/domain';
import type { Action, Channel } from '@onegate/domain';
import type { JsonObject } from '@onegate/persistence';

import { ImportLineError, isoTime } from './import-line-checks';
import type { ImportConsultationFields } from './import-consultation-fields';
import type { ImportDocument } from './import-documents';
import { importDocumentsOf } from './import-documents';
import type { ImportFeedback } from './import-feedback';
import type { ImportResult } from './import-result';
import { importResultOf } from './import-result';
import { importFeedbackOf } from './import-feedback';
import { importConsultationFieldsOf } from './import-consultation-fields';
import type { ImportStepFields } from './import-step-fields';
import { importStepFieldsOf } from './import-step-fields';

export { ImportLineError };

/** One event of an imported application, with the action fields of docs/lifecycle.md. */
export interface ImportEvent {
  type: Action;
  at: Date;
  channel?: Channel;
  reason?: string;
  missingDocuments?: string[];
  appointmentAt?: string;
  reference?: string;
  assigneeId?: string;
  note?: string;
  /** `answer_consultation`: the consulted agency's answer; `forward`: a transfer agency's. */
  opinion?: string;
  /** The consultation fields of `consult` and `answer_consultation` (docs/metrics.md, "Historical import"). */
  consultation?: ImportConsultationFields;
  /** The step fields, on the events that record them (docs/metrics.md, "Historical import"). */
  stepFields?: ImportStepFields;
  /** `submit`, `register_counter`: the file's documents, as metadata (docs/documents.md). */
  documents?: ImportDocument[];
  /** `approve`, `deny`, `return`: how the result was issued, as metadata (docs/metrics.md, "Historical import"). */
  result?: ImportResult;
}

/** One line of an import: one application and its whole history (docs/metrics.md, "Historical import"). */
export interface ImportLine {
  code: string;
  procedureCode: string;
  receivingAgencyCode: string | null;
  applicant: { nationalId: string; fullName: string; email: string | null };
  formData: JsonObject;
  feeVnd: number | null;
  events: ImportEvent[];
  rating: { score: number; comment: string | null } | null;
  /** Feedback about the file (docs/metrics.md, "Historical import"). */
  feedback: ImportFeedback[];
}

const MAX_EVENTS = 1_000;
/** Form data is written and read back by recursive code (JSON.stringify): a deeper value would exhaust the stack. */
const MAX_FORM_DEPTH = 32;
const CHANNELS: readonly string[] = ['online', 'offline'];

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, maxLength: number, required = true): string | undefined {
  if (value === undefined || value === null) return required ? fail(`${field} is required`) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return fail(`${field} must be a non-empty text`);
  if (value.length > maxLength) return fail(`${field} is longer than ${maxLength} characters`);
  return value;
}

/** Walks a parsed value without recursion, stopping as soon as it is deeper than `limit`. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Reads a line's JSON and checks its shape; the history itself is checked by the replay. */
export function parseImportLine(source: string): ImportLine {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return fail(`the line is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) return fail('the line must be one JSON object');
  // PostgreSQL stores no text holding NUL: such a line is refused with its reason, before any write.
  if (source.includes('\\u0000')) fail('the line must not contain the NUL character (\\u0000)');
  const applicant = isObject(value.applicant) ? value.applicant : fail('applicant is required');
  const nationalId = text(applicant.nationalId, 'applicant.nationalId', 12)!;
  if (!/^\d{12}$/.test(nationalId)) fail('applicant.nationalId must be a 12-digit citizen ID number');
  if (value.formData !== undefined && !isObject(value.formData)) fail('formData must be a JSON object');
  if (nestsDeeperThan(value.formData, MAX_FORM_DEPTH))
    fail(`formData nests deeper than ${MAX_FORM_DEPTH} levels`);
  return {
    code: text(value.code, 'code', 48)!,
    procedureCode: text(value.procedureCode, 'procedureCode', 32)!,
    receivingAgencyCode: text(value.receivingAgencyCode, 'receivingAgencyCode', 32, false) ?? null,
    applicant: {
      nationalId,
      fullName: text(applicant.fullName, 'applicant.fullName', 255)!,
      email: text(applicant.email, 'applicant.email', 255, false) ?? null,
    },
    formData: (value.formData ?? {}) as JsonObject,
    feeVnd: feeOf(value.fee),
    events: eventsOf(value.events),
    rating: ratingOf(value.rating),
    feedback: importFeedbackOf(value.feedback),
  };
}

function feeOf(fee: unknown): number | null {
  if (fee === undefined || fee === null) return null;
  const amount = isObject(fee) ? fee.amount : fail('fee must be an object with an amount');
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > 2_000_000_000) {
    return fail('fee.amount must be a whole number of VND, 0 or more');
  }
  return amount;
}

function ratingOf(rating: unknown): ImportLine['rating'] {
  if (rating === undefined || rating === null) return null;
  const score = isObject(rating) ? rating.score : rating;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    return fail('rating must be a whole number from 1 to 5, or {"score": 1-5, "comment": "..."}');
  }
  const comment = isObject(rating) ? (text(rating.comment, 'rating.comment', 2000, false) ?? null) : null;
  return { score, comment };
}

function eventsOf(events: unknown): ImportEvent[] {
  if (!Array.isArray(events) || events.length === 0) return fail('events must be a non-empty list');
  if (events.length > MAX_EVENTS) return fail(`events has more than ${MAX_EVENTS} entries`);
  return events.map((event, index) => eventOf(event, `events[${index}]`));
}

function eventOf(event: unknown, path: string): ImportEvent {
  if (!isObject(event)) return fail(`${path} must be a JSON object`);
  if (typeof event.type !== 'string' || !(ACTIONS as readonly string[]).includes(event.type)) {
    return fail(`${path}.type must be one of ${ACTIONS.join(', ')}`);
  }
  if (event.channel !== undefined && !CHANNELS.includes(event.channel as string)) {
    fail(`${path}.channel must be online or offline`);
  }
  const missing = event.missingDocuments;
  if (
    missing !== undefined &&
    (!Array.isArray(missing) ||
      missing.length === 0 ||
      missing.some((item) => typeof item !== 'string' || item.trim() === ''))
  ) {
    fail(`${path}.missingDocuments must be a non-empty list of texts`);
  }
  const appointmentAt =
    event.appointmentAt === undefined ? undefined : isoTime(event.appointmentAt, `${path}.appointmentAt`);
  return {
    type: event.type as Action,
    at: isoTime(event.at, `${path}.at`),
    channel: event.channel as Channel | undefined,
    reason: text(event.reason, `${path}.reason`, 2000, false),
    missingDocuments: missing as string[] | undefined,
    appointmentAt: appointmentAt?.toISOString(),
    reference: text(event.reference, `${path}.reference`, 100, false),
    assigneeId: text(event.assigneeId, `${path}.assigneeId`, 36, false),
    note: text(event.note, `${path}.note`, 2000, false),
    opinion: text(event.opinion, `${path}.opinion`, 2000, false),
    consultation: importConsultationFieldsOf(event, event.type, path),
    stepFields: importStepFieldsOf(event, event.type, path),
    documents: importDocumentsOf(event, event.type, path),
    result: importResultOf(event, event.type, path),
  };
}
