import type { ValidationOptions } from 'class-validator';
import { registerDecorator } from 'class-validator';

import { isLocalDate } from '@onegate/domain';

/** A real calendar date written `YYYY-MM-DD`. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}
