import { COMMON_PASSWORDS } from './common-passwords';
import { foldText } from './fold-text';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export const PASSWORD_PROBLEMS = Object.freeze({
  tooShort: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  tooCommon: 'password is too common',
  containsPersonalData: 'password must not contain your e-mail, national ID or name',
});

/** What is known about the account holder; each piece is optional. */
export interface PasswordContext {
  readonly email?: string;
  readonly nationalId?: string;
  readonly fullName?: string;
}

// Shorter pieces (name words like "Văn", a local part like "an", a common-password core like "abc") would flag
// too many unrelated passwords.
const MIN_MATCHED_LENGTH = 4;
const NON_ALPHANUMERIC_RUN = /[^\p{L}\p{N}]+/u;
const SEPARATORS = /[\s.\-_]+/g;

function codePointLength(value: string): number {
  return [...value].length;
}

function isLongEnoughToMatch(value: string): boolean {
  return codePointLength(value) >= MIN_MATCHED_LENGTH;
}

const LEET_LETTERS: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

function withoutLeetSpeak(value: string): string {
  return value.replace(/[@43105$7]/g, (character) => LEET_LETTERS[character]);
}

// "Password123!" must match "password", "1234567890!" "1234567890", "I love you" "iloveyou" and
// "P@ssw0rd2024" "password".
function commonPasswordCandidates(password: string): string[] {
  const folded = foldText(password).trim();
  const stripped = [folded, folded.replace(/\s+/g, '')].flatMap((form) => [
    form,
    form.replace(/[^\p{L}\p{N}]+$/u, ''),
    form.replace(/[^\p{L}]+$/u, ''),
    form.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, ''),
  ]);
  return [...stripped, ...stripped.map(withoutLeetSpeak)];
}

function isCommon(password: string): boolean {
  if (new Set(password).size === 1) {
    return true;
  }
  return commonPasswordCandidates(password)
    .filter(isLongEnoughToMatch)
    .some((candidate) => COMMON_PASSWORDS.has(candidate));
}

function wordsOf(value: string): string[] {
  return foldText(value).split(NON_ALPHANUMERIC_RUN).filter(isLongEnoughToMatch);
}

function emailFragments(email: string): string[] {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  const localPart = foldText(at === -1 ? trimmed : trimmed.slice(0, at));
  return isLongEnoughToMatch(localPart) ? [localPart, ...wordsOf(localPart)] : [];
}

function nationalIdFragments(nationalId: string): string[] {
  const digits = nationalId.replace(/\D/g, '');
  return isLongEnoughToMatch(digits) ? [digits] : [];
}

function containsPersonalData(password: string, context: PasswordContext): boolean {
  const folded = foldText(password);
  const withoutSeparators = folded.replace(SEPARATORS, '');
  const fragments = [...emailFragments(context.email ?? ''), ...wordsOf(context.fullName ?? '')];
  const nationalIds = nationalIdFragments(context.nationalId ?? '');
  return (
    fragments.some((fragment) => folded.includes(fragment)) ||
    nationalIds.some((digits) => withoutSeparators.includes(digits))
  );
}

/**
 * The problems that make `password` unacceptable for the account described by `context`, as English
 * sentences from PASSWORD_PROBLEMS; empty when the password is acceptable.
 */
export function checkPassword(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  // Count what the user sees: a precomposed "ệ" and "e" + two combining marks are the same character.
  const length = codePointLength(password.normalize('NFC'));
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(PASSWORD_PROBLEMS.tooShort);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    problems.push(PASSWORD_PROBLEMS.tooLong);
  }
  if (isCommon(password)) {
    problems.push(PASSWORD_PROBLEMS.tooCommon);
  }
  if (containsPersonalData(password, context)) {
    problems.push(PASSWORD_PROBLEMS.containsPersonalData);
  }
  return problems;
}
