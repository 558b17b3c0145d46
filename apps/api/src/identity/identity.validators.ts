import type { ValidationOptions } from 'class-validator';
import { registerDecorator } from 'class-validator';

import { isValidNationalId, normalizeVietnamesePhone } from '@onegate/domain';

export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isNationalId',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must be a valid 12-digit citizen ID number', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidNationalId(value) },
    });
}

export function IsVietnamesePhone(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isVietnamesePhone',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must be a Vietnamese phone number, e.g. 0912345678', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizeVietnamesePhone(value) !== null,
      },
    });
}
