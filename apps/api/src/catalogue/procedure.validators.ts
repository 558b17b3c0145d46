import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { registerDecorator } from 'class-validator';

import { fieldPattern } from '@onegate/domain';

/** A text that compiles as a form field's pattern, exactly as the form will use it. */
export function IsRegExp(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isRegExp',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must be a valid regular expression', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            fieldPattern(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/** A number not below the sibling property `other`, when that one is a number too. */
export function IsNotLessThan(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isNotLessThan',
      target: target.constructor,
      propertyName: String(property),
      constraints: [other],
      options: { message: `$property must not be less than ${other}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const bound = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
      },
    });
}
