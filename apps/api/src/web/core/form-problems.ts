import { HttpException } from '@nestjs/common';

import { typeWords } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import { translate } from './messages';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** What a form shows: one message per field (`errors.<field>`) and a summary linking to each field. */
export interface FormErrors {
  byField: Record<string, string>;
  summary: { href: string; text: string }[];
  message: string | null;
}

/** Problem texts of the services and the domain, and their catalogue keys (with what they carry). */
const PATTERNS: [RegExp, string][] = [
  // Feedback's own words (docs/feedback.md), before the general ones some of them would match.
  [/^must be one of your submitted files$/, 'problems.feedbackOwnFile'],
  [/^say what the feedback on the file is about/, 'problems.feedbackAspect'],
  [/^name the agency the feedback is about$|^is not the code of an agency$/, 'problems.feedbackAgency'],
  [/^must be an e-mail address or a Vietnamese phone number$/, 'problems.feedbackContact'],
  [/^there is no answer to rate yet$/, 'problems.feedbackNoAnswer'],
  [/^an answer is rated once$/, 'problems.feedbackRated'],
  [/^feedback is answered once$/, 'problems.feedbackAnswered'],
  [/^password must be at least (?<value>\d+) characters$/, 'problems.passwordShort'],
  [/^password must be at most (?<value>\d+) characters$/, 'problems.passwordLong'],
  [/^password is too common$/, 'problems.passwordCommon'],
  [/^password must not contain/, 'problems.passwordPersonal'],
  [/^is required$/, 'problems.required'],
  [/^the current password is wrong$/, 'problems.currentPasswordWrong'],
  [/^must differ from the current password$/, 'problems.passwordUnchanged'],
  [/^the link is used, expired or unknown$/, 'problems.linkInvalid'],
  [/^this document is required$/, 'problems.documentRequired'],
  [/^must be a number$/, 'problems.number'],
  [/must be a whole number of VND$/, 'problems.wholeDong'],
  [/^must be a date \(YYYY-MM-DD\)$/, 'problems.date'],
  [/^must be one of: (?<options>.*)$/, 'problems.oneOf'],
  [/^must be checked$/, 'problems.checked'],
  [/^must be true or false$/, 'problems.checked'],
  [/^must be a valid 12-digit citizen ID number$/, 'problems.nationalId'],
  [/national ?ID.*12-digit|12-digit citizen ID/i, 'problems.nationalId'],
  [/^must be a Vietnamese phone number$/, 'problems.phone'],
  [/phone.*Vietnamese|Vietnamese.*phone/i, 'problems.phone'],
  [/^must be an e-mail address$/, 'problems.email'],
  [/e-mail address/, 'problems.email'],
  [/^must be at least (?<value>\d+) characters$/, 'problems.minLength'],
  [/^must be at most (?<value>\d+) characters$/, 'problems.maxLength'],
  [/^must be at least (?<value>[\d.-]+)$/, 'problems.min'],
  [/^must be at most (?<value>[\d.-]+)$/, 'problems.max'],
  [/^must be on or after (?<value>[\d-]+)$/, 'problems.after'],
  [/^must be on or before (?<value>[\d-]+)$/, 'problems.before'],
  [/^has the wrong format$/, 'problems.format'],
  [/^is larger than (?<value>\d+) MB$/, 'uploads.tooLarge'],
  [/^is empty$/, 'problems.emptyFile'],
  [
    /^already has (?<count>\d+) files: the limit is (?<value>\d+) files per document$/,
    'problems.documentFilesLimit',
  ],
  [
    /^would bring this application's documents to (?<total>[\d.]+) MB: the limit is (?<value>\d+) MB per application$/,
    'problems.applicationSizeLimit',
  ],
  [
    /^You already have (?<count>\d+) open drafts: the limit is (?<value>\d+) open drafts per account; a draft untouched for (?<days>\d+) days is removed$/,
    'problems.openDraftsLimit',
  ],
  [/^must be one of (?<mediaTypes>[^;]+); its content is /, 'uploads.fileType'],
  [/^a file is required/, 'problems.fileMissing'],
  [/should not be empty|must not be empty/, 'problems.required'],
  [/the new appointment must be in the future/, 'problems.future'],
  [/is required for/, 'problems.required'],
  [/^not valid JSON: (?<detail>.*)$/, 'problems.json'],
  [/^a process has between (?<min>\d+) and (?<max>\d+) steps, or none$/, 'problems.stepCount'],
  [/^each step needs a whole number of working hours above 0$/, 'problems.stepHours'],
  [/^each step is held by a /, 'problems.stepRole'],
  [
    /^the steps' hours add up to (?<sum>\d+), not to the time limit of (?<value>\d+) hours$/,
    'problems.stepSum',
  ],
  [/^no such agency$/, 'problems.noSuchAgency'],
  // A webhook's target and choices (docs/webhooks.md).
  [/^must be an absolute http or https URL$|^url must be an absolute/, 'problems.webhookUrl'],
  [/^must not carry a user name or password$/, 'problems.webhookCredentials'],
  [/^the host (?<host>\S+) does not resolve$/, 'problems.webhookUnresolved'],
  [/ resolves to (?<address>\S+), a private, loopback or link-local address/, 'problems.webhookPrivate'],
  [/^there is no agency (?<code>\S+)$/, 'problems.webhookAgency'],
  [/^events must name at least one event type$/, 'problems.webhookEvents'],
  // A partner client's choices (docs/partner-clients.md).
  [/^scopes must name at least one scope$/, 'problems.partnerScopes'],
  [/^agencies must name at least one agency$/, 'problems.partnerAgencies'],
];

export function translateProblem(language: Language, problem: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(problem);
    if (match) {
      const mediaTypes = match.groups?.mediaTypes;
      // The accepted types come as media types; the reader is told them in words ("PDF, JPG hoặc PNG").
      const listed = mediaTypes ? { types: typeWords(mediaTypes.split(', '), language) } : {};
      return translate(language, key, { ...match.groups, ...listed });
    }
  }
  return problem;
}

/** Field problems carried by a 400/422 answer of the services, or null when it carries none. */
export function fieldProblemsOf(error: unknown): FieldProblem[] | null {
  if (!(error instanceof HttpException)) return null;
  const body = error.getResponse() as { details?: unknown };
  if (!Array.isArray(body.details)) return null;
  return body.details.filter(
    (detail): detail is FieldProblem =>
      typeof (detail as FieldProblem).field === 'string' && Array.isArray((detail as FieldProblem).problems),
  );
}

export function messageOf(error: unknown): string {
  if (!(error instanceof HttpException)) return String(error);
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? error.message);
}

/**
 * Form errors for a page. `fieldOf` maps a service field path to the form field's id (or null to keep
 * it only in the summary); `labelOf` names the field in the reader's language.
 */
export function formErrors(
  language: Language,
  problems: FieldProblem[],
  fieldOf: (path: string) => string | null,
  labelOf: (id: string) => string,
  message: string | null = null,
): FormErrors {
  const byField: Record<string, string> = {};
  const summary: FormErrors['summary'] = [];
  for (const problem of problems) {
    const id = fieldOf(problem.field);
    const text = problem.problems.map((item) => translateProblem(language, item)).join('; ');
    const label = id ? labelOf(id) : problem.field;
    if (id) byField[id] = byField[id] ? `${byField[id]}; ${text}` : text;
    summary.push({ href: `#${id ?? 'main-content'}`, text: `${label}: ${text}` });
  }
  return { byField, summary, message };
}

/** A form error that is not about one field (a conflict, a refused action). */
export function generalError(message: string): FormErrors {
  return { byField: {}, summary: [{ href: '#main-content', text: message }], message };
}

/** An answer a form shows to its user rather than an error page: invalid, conflicting or incomplete. */
export function isFormError(error: unknown): error is HttpException {
  return error instanceof HttpException && [400, 409, 422].includes(error.getStatus());
}
