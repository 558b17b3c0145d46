import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

import type { Language } from '@onegate/domain';

import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from './form-problems';
import type { FieldProblem, FormErrors } from './form-problems';

/** Why a form is shown again: its problems (the pseudo-field `form` is the whole form) and the status. */
export interface FormFailure {
  problems: FieldProblem[];
  status: number;
}

/** Where a form post leads: the page to go to, or the same form with what went wrong. */
export type FormOutcome = { next: string } | { failure: FormFailure };

export interface AttemptOptions {
  /** Problems found while reading the form: with any, the action is not taken. */
  problems?: FieldProblem[];
  /** The status of a failure: 400 unless given; `refusal` keeps the status the services refused with. */
  status?: number | 'refusal';
}

/** A refusal the form shows (400, 409, 422) as field problems; any other error is thrown again. */
export function refusalProblems(error: unknown): FieldProblem[] {
  if (!isFormError(error)) throw error;
  const details = fieldProblemsOf(error);
  return details && details.length > 0 ? details : [{ field: 'form', problems: [messageOf(error)] }];
}

/**
 * What a page reads to show, or null once `showRefusal` has shown the page again with the problems of a
 * refusal (a form error); any other error is thrown again.
 */
export async function readOrShowRefusal<T>(
  read: Promise<T>,
  showRefusal: (problems: FieldProblem[]) => Promise<void>,
): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    await showRefusal(refusalProblems(error));
    return null;
  }
}

/**
 * For `.catch` on a service call whose refusal the page puts in its own words: a form error for which
 * `wordsFor` has words is thrown again as those words, under the same status; anything else as it was.
 */
export function refusalInWords(
  wordsFor: (refusal: HttpException) => string | null,
): (error: unknown) => never {
  return (error: unknown) => {
    const words = isFormError(error) ? wordsFor(error) : null;
    throw words === null ? error : new HttpException(words, (error as HttpException).getStatus());
  };
}

/** Takes a form's action unless reading the form found problems; `act` answers the page to go to. */
export async function attempt(
  act: () => Promise<string>,
  options: AttemptOptions = {},
): Promise<FormOutcome> {
  const statusOf = (refused: number) =>
    options.status === 'refusal' ? refused : (options.status ?? HttpStatus.BAD_REQUEST);
  if (options.problems && options.problems.length > 0) {
    return { failure: { problems: options.problems, status: statusOf(HttpStatus.BAD_REQUEST) } };
  }
  try {
    return { next: await act() };
  } catch (error) {
    const problems = refusalProblems(error);
    return { failure: { problems, status: statusOf((error as HttpException).getStatus()) } };
  }
}

/**
 * Answers a form post (docs/portal.md): 303 to the next page, or `showForm` draws the same form again
 * with the failure's errors, under the failure's status; the caller keeps what was typed.
 */
export async function answerForm(
  response: Response,
  outcome: FormOutcome,
  showForm: (failure: FormFailure) => Promise<void>,
): Promise<void> {
  if ('next' in outcome) return response.redirect(HttpStatus.SEE_OTHER, outcome.next);
  await showForm(outcome.failure);
}

/** The errors a form shows: one about the whole form on its own, otherwise one per field. */
export function errorsOf(
  language: Language,
  problems: FieldProblem[],
  fieldOf: (path: string) => string | null,
  labelOf: (id: string) => string,
): FormErrors {
  if (problems.length === 1 && problems[0].field === 'form') return generalError(problems[0].problems[0]);
  return formErrors(language, problems, fieldOf, labelOf);
}
