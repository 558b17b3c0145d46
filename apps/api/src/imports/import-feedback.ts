import { checkFeedbackLength, FEEDBACK_LIMITS, feedbackDueAt, newFeedbackCode } from '@onegate/applications';
import type { WorkingCalendar } from '@onegate/domain';
import { FEEDBACK_ASPECTS, FEEDBACK_KINDS, FEEDBACK_RATINGS } from '@onegate/persistence';
import type { Feedback, FeedbackAspect, FeedbackKind, FeedbackRating } from '@onegate/persistence';
import type { FieldProblem } from '@onegate/platform';
import { timeOrderedId } from '@onegate/platform';

import { ImportLineError, isoTime } from './import-line-checks';

/** Feedback about the imported file, filed, answered and rated (docs/metrics.md, "Historical import"). */
export interface ImportFeedback {
  kind: FeedbackKind;
  aspect: FeedbackAspect;
  at: Date;
  subject: string;
  text: string;
  /** When given, kept; otherwise computed as for live feedback. */
  dueAt: Date | null;
  answer: { at: Date; text: string } | null;
  rating: { at: Date; value: FeedbackRating } | null;
}

const MAX_FEEDBACK = 50;

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    return fail(`${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** The live service's length rules, the problem named with the line's path to the field. */
function feedbackText(value: unknown, field: string, limits: { min: number; max: number }): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (value !== undefined && value !== null && typeof value !== 'string') fail(`${field} must be a text`);
  const problems: FieldProblem[] = [];
  checkFeedbackLength(text, field, limits, problems);
  if (problems.length > 0) fail(`${field} ${problems[0]!.problems[0]}`);
  return text;
}

/** Reads the line's `feedback` list (absent: none). */
export function importFeedbackOf(value: unknown): ImportFeedback[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail('feedback must be a list');
  if (value.length > MAX_FEEDBACK) return fail(`feedback has more than ${MAX_FEEDBACK} entries`);
  return value.map((item, index) => feedbackItemOf(item, `feedback[${index}]`));
}

function feedbackItemOf(item: unknown, path: string): ImportFeedback {
  if (!isObject(item)) return fail(`${path} must be a JSON object`);
  const at = isoTime(item.at, `${path}.at`);
  const dueAt = item.dueAt === undefined || item.dueAt === null ? null : isoTime(item.dueAt, `${path}.dueAt`);
  if (dueAt && dueAt <= at) fail(`${path}.dueAt must be later than ${path}.at`);
  let answer: ImportFeedback['answer'] = null;
  if (item.answer !== undefined && item.answer !== null) {
    if (!isObject(item.answer)) fail(`${path}.answer must be an object with at and text`);
    const given = item.answer as Record<string, unknown>;
    answer = {
      at: isoTime(given.at, `${path}.answer.at`),
      text: feedbackText(given.text, `${path}.answer.text`, FEEDBACK_LIMITS.answer),
    };
    if (answer.at < at) fail(`${path}.answer.at is earlier than the filing`);
  }
  let rating: ImportFeedback['rating'] = null;
  if (item.rating !== undefined && item.rating !== null) {
    if (!isObject(item.rating)) fail(`${path}.rating must be an object with at and value`);
    if (!answer) fail(`${path}.rating needs an answer to rate`);
    const given = item.rating as Record<string, unknown>;
    rating = {
      at: isoTime(given.at, `${path}.rating.at`),
      value: oneOf(given.value, FEEDBACK_RATINGS, `${path}.rating.value`),
    };
    if (rating.at < answer!.at) fail(`${path}.rating.at is earlier than the answer`);
  }
  return {
    kind: oneOf(item.kind, FEEDBACK_KINDS, `${path}.kind`),
    aspect: oneOf(item.aspect, FEEDBACK_ASPECTS, `${path}.aspect`),
    at,
    subject: feedbackText(item.subject, `${path}.subject`, FEEDBACK_LIMITS.subject),
    text: feedbackText(item.text, `${path}.text`, FEEDBACK_LIMITS.body),
    dueAt,
    answer,
    rating,
  };
}

/**
 * The `feedback` rows of an imported file, as the live service writes them (docs/feedback.md): to the
 * file's competent agency, by its applicant, with a new code and, unless given, the due time counted
 * on that agency's calendar. Feedback filed before the file was submitted is refused.
 */
export function feedbackRowsOf(
  items: readonly ImportFeedback[],
  owner: { agencyId: string; applicationId: string | null; authorId: string | null },
  submittedAt: Date,
  calendar: WorkingCalendar,
  days: number,
): Feedback[] {
  return items.map((item, index) => {
    if (item.at < submittedAt)
      fail(`feedback[${index}].at is earlier than the file's submission: feedback is about a submitted file`);
    return {
      id: timeOrderedId(),
      code: newFeedbackCode(item.kind),
      kind: item.kind,
      agencyId: owner.agencyId,
      applicationId: owner.applicationId,
      aspect: item.aspect,
      authorId: owner.authorId,
      secretHash: null,
      subject: item.subject,
      body: item.text,
      contact: null,
      filedAt: item.at,
      dueAt: item.dueAt ?? feedbackDueAt(item.at, calendar, days),
      answeredAt: item.answer?.at ?? null,
      answeredBy: null,
      answeredByRole: null,
      answer: item.answer?.text ?? null,
      rating: item.rating?.value ?? null,
      ratedAt: item.rating?.at ?? null,
    };
  });
}

/** A line of feedback about an agency alone, filed about no file (docs/metrics.md, "Historical import"). */
export interface AgencyFeedbackLine {
  agencyCode: string;
  /** Kept as given when given (a line whose code is already in OneGate is skipped); otherwise a new one. */
  code: string | null;
  item: ImportFeedback;
}

/**
 * Reads a line `{"agencyFeedback": {...}}`, or answers null for any other line (an application). The
 * item takes the fields of a file's feedback, with `agencyCode` and an optional `code`.
 */
export function parseAgencyFeedbackLine(text: string): AgencyFeedbackLine | null {
  if (!text.includes('"agencyFeedback"')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || value.agencyFeedback === undefined) return null;
  const others = Object.keys(value).filter((key) => key !== 'agencyFeedback');
  if (others.length > 0) fail(`${others[0]} is not taken by a line of agencyFeedback`);
  const given = value.agencyFeedback;
  if (!isObject(given)) return fail('agencyFeedback must be a JSON object');
  const { agencyCode, code, ...item } = given;
  if (typeof agencyCode !== 'string' || agencyCode.trim() === '')
    fail('agencyFeedback.agencyCode is required: the agency the feedback is about');
  if (code !== undefined && (typeof code !== 'string' || !/^[A-Za-z0-9-]{1,16}$/.test(code)))
    fail('agencyFeedback.code must be 1 to 16 letters, digits or hyphens');
  return {
    agencyCode: (agencyCode as string).trim(),
    code: (code as string | undefined) ?? null,
    item: feedbackItemOf(item, 'agencyFeedback'),
  };
}

/** The `feedback` row of an agency's imported feedback, as the live service writes feedback about an agency. */
export function agencyFeedbackRowOf(
  line: AgencyFeedbackLine,
  agencyId: string,
  calendar: WorkingCalendar,
  days: number,
): Feedback {
  const owner = { agencyId, applicationId: null, authorId: null };
  const row = feedbackRowsOf([line.item], owner, line.item.at, calendar, days)[0]!;
  return { ...row, code: line.code ?? row.code };
}
