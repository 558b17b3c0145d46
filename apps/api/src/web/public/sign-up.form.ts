import { ConflictException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import type { Language } from '@onegate/domain';

import { RegisterRequest } from '../../identity/auth.dto';
import { errorsOf, refusalInWords } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

const SIGN_UP_FIELDS = ['fullName', 'nationalId', 'email', 'phone', 'password'] as const;

/** The sign-up form as posted: what was typed (shown again), the registration and its problems. */
export async function readSignUp(fields: Record<string, string>, language: Language) {
  const values = Object.fromEntries(SIGN_UP_FIELDS.map((name) => [name, fields[name] ?? '']));
  const registration = plainToInstance(RegisterRequest, { ...values, language });
  const problems: FieldProblem[] = (await validate(registration)).map((error) => ({
    field: error.property,
    problems: Object.values(error.constraints ?? {}),
  }));
  if (fields.password !== fields.passwordConfirmation) {
    problems.push({
      field: 'passwordConfirmation',
      problems: [translate(language, 'signUp.passwordsDiffer')],
    });
  }
  return { values, registration, problems };
}

/** An account that exists already is said in the reader's words, without naming which field matched. */
export function takenInWords(language: Language): (error: unknown) => never {
  return refusalInWords((refusal) =>
    refusal instanceof ConflictException ? translate(language, 'signUp.taken') : null,
  );
}

export function signUpErrors(language: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    language,
    problems,
    (field) => field,
    (id) => translate(language, `signUp.${id}`),
  );
}
