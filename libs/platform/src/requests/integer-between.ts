import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator } from 'class-validator';

import { invalidFields } from './validation.pipe';

/** The name under which the bound of a whole-number field is kept in class-validator's metadata. */
export const INTEGER_BETWEEN = 'integerBetween';

export interface IntegerRange {
  min: number;
  max: number;
}

/** Decimal digits, with an optional sign: what a person or a form types for a whole number. */
const WHOLE_NUMBER_TEXT = /^[+-]?\d+$/;

/** A text of decimal digits becomes its number; anything else is left as sent, to be refused. */
export function integerFromText(value: unknown): unknown {
  return typeof value === 'string' && WHOLE_NUMBER_TEXT.test(value) ? Number(value) : value;
}

export function isIntegerBetween(value: unknown, range: IntegerRange): value is number {
  return Number.isSafeInteger(value) && (value as number) >= range.min && (value as number) <= range.max;
}

export function integerProblem(name: string, range: IntegerRange): string {
  return `${name} must be a whole number from ${range.min} to ${range.max}`;
}

/**
 * A whole-number field between two bounds, sent as text (a query string) or as a JSON number: one
 * rule and one message naming the field and its range, for huge, negative, fractional, blank and
 * non-numeric values alike (docs/architecture.md, "HTTP conventions"). The bounds are published in the
 * OpenAPI document.
 */
export function IntegerBetween(min: number, max: number): PropertyDecorator {
  const range = { min, max };
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: min, maximum: max, required: false }),
    Transform(({ value }: { value: unknown }) => integerFromText(value)),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: INTEGER_BETWEEN,
        target: target.constructor,
        propertyName: String(property),
        constraints: [min, max],
        options: { message: ({ property: name }) => integerProblem(name, range) },
        validator: { validate: (value: unknown) => isIntegerBetween(value, range) },
      }),
  );
}

/**
 * The same rule for one named query parameter (`@Query('page', new IntegerBetweenPipe(1, MAX_PAGE))`):
 * absent is `undefined`, anything sent must be a whole number in the range, or the request is a 400
 * naming the parameter.
 */
export class IntegerBetweenPipe implements PipeTransform<unknown, number | undefined> {
  public readonly range: IntegerRange;

  public constructor(min: number, max: number) {
    this.range = { min, max };
  }

  public transform(value: unknown, metadata: ArgumentMetadata): number | undefined {
    if (value === undefined) return undefined;
    const number = integerFromText(value);
    if (isIntegerBetween(number, this.range)) return number;
    const name = metadata.data ?? 'value';
    throw invalidFields([{ field: name, problems: [integerProblem(name, this.range)] }]);
  }
}
