import type { ClassConstructor } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { validate } from 'class-validator';

import type { FieldProblem } from './form-problems';

/** Checks a form's values with the same request class the API uses; problems carry nested paths. */
export async function validateFields<T extends object>(
  type: ClassConstructor<T>,
  plain: Record<string, unknown>,
): Promise<{ value: T; problems: FieldProblem[] }> {
  const value = plainToInstance(type, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  return { value, problems: flatten(errors, '') };
}

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
