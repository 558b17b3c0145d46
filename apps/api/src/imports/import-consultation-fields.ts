import { ImportLineError, isoTime } from './import-line-checks';

/**
 * The consultation fields an imported event may carry (docs/metrics.md, "Historical import"): a
 * `consult` names the agencies asked (by id or by code), its question (`reason`) and the answer due
 * time; an `answer_consultation` names the agency answering (by id or by code) and its `opinion`.
 */
export interface ImportConsultationFields {
  /** `consult`: the agencies asked, as given (ids or codes). */
  agencies?: { by: 'id' | 'code'; values: string[] };
  /** `consult`: ISO time. */
  answerDueAt?: string;
  /** `answer_consultation`: the agency answering, as given; its open consultation on the file is answered. */
  answeringAgency?: { by: 'id' | 'code'; value: string };
}

const TAKEN_BY: { readonly [type: string]: readonly string[] } = {
  consult: ['agencyIds', 'agencyCodes', 'answerDueAt'],
  answer_consultation: ['agencyId', 'agencyCode'],
};
const FIELDS = ['agencyIds', 'agencyCodes', 'answerDueAt', 'agencyId', 'agencyCode'] as const;
const MAX_AGENCIES = 50;

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

/** The one of the two ways of naming agencies that is given, if any; both is an error naming them. */
function namedBy(event: Readonly<Record<string, unknown>>, path: string, byId: string, byCode: string) {
  const given = [byId, byCode].filter((field) => event[field] !== undefined && event[field] !== null);
  if (given.length > 1) fail(`${path} needs exactly one of ${byId} and ${byCode} with ${String(event.type)}`);
  if (given.length === 0) return undefined;
  return { field: given[0]!, by: given[0] === byId ? ('id' as const) : ('code' as const) };
}

function agencyText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 36) {
    return fail(`${field} must be a non-empty text of at most 36 characters`);
  }
  return value;
}

/**
 * Reads the consultation fields of an imported event: only `consult` and `answer_consultation` take
 * them (the replay checks that each has its agencies). Undefined when it has none.
 */
export function importConsultationFieldsOf(
  event: Readonly<Record<string, unknown>>,
  type: string,
  path: string,
): ImportConsultationFields | undefined {
  const takes = TAKEN_BY[type] ?? [];
  const extra = FIELDS.find(
    (field) => event[field] !== undefined && event[field] !== null && !takes.includes(field),
  );
  if (extra) fail(`${path}.${extra} is not taken by ${type}`);
  const fields: ImportConsultationFields = {};
  if (type === 'consult') {
    const named = namedBy(event, path, 'agencyIds', 'agencyCodes');
    if (named) {
      const values = event[named.field];
      if (!Array.isArray(values) || values.length === 0 || values.length > MAX_AGENCIES) {
        return fail(`${path}.${named.field} must be a list of 1 to ${MAX_AGENCIES} agencies`);
      }
      fields.agencies = {
        by: named.by,
        values: values.map((value, index) => agencyText(value, `${path}.${named.field}[${index}]`)),
      };
    }
    if (event.answerDueAt !== undefined && event.answerDueAt !== null) {
      fields.answerDueAt = isoTime(event.answerDueAt, `${path}.answerDueAt`).toISOString();
    }
  } else if (type === 'answer_consultation') {
    const named = namedBy(event, path, 'agencyId', 'agencyCode');
    if (named)
      fields.answeringAgency = {
        by: named.by,
        value: agencyText(event[named.field], `${path}.${named.field}`),
      };
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}
