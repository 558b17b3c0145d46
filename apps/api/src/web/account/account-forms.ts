import { plainToInstance } from 'class-transformer';
import type { ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';

import type { Language } from '@onegate/domain';

import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

/** A posted form read into its request class: the request and what the class's checks found wrong. */
export async function readAccountForm<T extends object>(
  type: ClassConstructor<T>,
  values: Record<string, string>,
): Promise<{ request: T; problems: FieldProblem[] }> {
  const request = plainToInstance(type, values);
  const problems = (await validate(request)).map((error) => ({
    field: error.property,
    problems: Object.values(error.constraints ?? {}),
  }));
  return { request, problems };
}

/** The new password typed twice must match; the second field names the problem. */
export function confirmationProblems(
  language: Language,
  password: string | undefined,
  confirmation: string | undefined,
): FieldProblem[] {
  return password === confirmation
    ? []
    : [{ field: 'passwordConfirmation', problems: [translate(language, 'signUp.passwordsDiffer')] }];
}

/** Errors of the account pages, each field labelled from the `account.` catalogue. */
export function accountErrors(language: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    language,
    problems,
    (field) => field,
    (id) => translate(language, `account.${id}`),
  );
}
