import type { Type } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import fc from 'fast-check';
import { expect, it } from 'vitest';

import type { IntegerRange } from '@onegate/platform';
import { createValidationPipe, integerRangesOf } from '@onegate/platform';

/** Enough runs to find the usual mistakes while keeping the unit suite quick. */
export const RUNS = { numRuns: 200 };

const pipe = createValidationPipe();

export type Verdict = { accepted: true; value: unknown } | { accepted: false; fields: string[] };

/**
 * Runs a value through the application's one validation pipe, as a request's body or query would
 * be. A refusal must be a 400 listing the fields at fault; anything else thrown fails the test.
 */
export async function validateAs(metatype: Type, value: unknown, type: 'body' | 'query'): Promise<Verdict> {
  try {
    return { accepted: true, value: await pipe.transform(value, { type, metatype }) };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const details = (error.getResponse() as { details?: { field: string; problems: string[] }[] }).details;
    expect(details, 'a refusal lists the fields at fault').toBeInstanceOf(Array);
    expect(details!.length).toBeGreaterThan(0);
    for (const detail of details!) {
      expect(typeof detail.field).toBe('string');
      expect(detail.problems.length).toBeGreaterThan(0);
    }
    return { accepted: false, fields: details!.map((detail) => detail.field) };
  }
}

/** What arrives in a query string: texts, and lists of texts for repeated names. */
const queryValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }));

export interface RequestClassSpec {
  metatype: Type;
  type: 'body' | 'query';
  /** Every property the class declares. */
  fields: readonly string[];
  /** Values the class must accept. */
  valid: fc.Arbitrary<Record<string, unknown>>;
  /** A value no field accepts, by field (default: a nested object, or a text for object fields). */
  wrong?: Record<string, unknown>;
}

const wrongFor = (spec: RequestClassSpec, field: string, valid: unknown): unknown => {
  if (spec.wrong && field in spec.wrong) return spec.wrong[field];
  if (spec.type === 'query') return `\u0000${'x'.repeat(5_000)}`;
  return typeof valid === 'object' && valid !== null && !Array.isArray(valid)
    ? 'not an object'
    : { x: [true] };
};

/** What a whole-number field in `range` must refuse: numbers outside it, and texts that are not one. */
const notInRange = (range: IntegerRange) =>
  fc.oneof(
    fc
      .bigInt()
      .filter((value) => value < BigInt(range.min) || value > BigInt(range.max))
      .map(String),
    fc
      .double({ noDefaultInfinity: false })
      .filter((value) => !Number.isInteger(value))
      .map(String),
    fc.string().filter((value) => !/^[+-]?\d+$/.test(value)),
    fc.constantFrom('99999999999999999999', '1e3', '0x10', '', ' 1'),
  );

/** The three properties every request class must have, and a fourth for its whole-number fields. */
export function requestClassProperties(spec: RequestClassSpec): void {
  const name = spec.metatype.name;
  const hostile =
    spec.type === 'query'
      ? fc.dictionary(fc.oneof(fc.constantFrom(...spec.fields), fc.string()), queryValue)
      : fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.oneof(fc.constantFrom(...spec.fields), fc.string()),
            fc.jsonValue({ maxDepth: 3 }),
          ),
        );

  it(`${name}: any input is accepted as a ${name} or refused with a 400 naming fields`, async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        const verdict = await validateAs(spec.metatype, value, spec.type);
        if (verdict.accepted && verdict.value !== undefined && verdict.value !== null) {
          expect(verdict.value).toBeInstanceOf(spec.metatype);
        }
      }),
      RUNS,
    );
  });

  it(`${name}: accepts every valid input`, async () => {
    await fc.assert(
      fc.asyncProperty(spec.valid, async (value) => {
        const verdict = await validateAs(spec.metatype, value, spec.type);
        expect(verdict, JSON.stringify(value)).toMatchObject({ accepted: true });
      }),
      RUNS,
    );
  });

  const ranges = [...integerRangesOf(spec.metatype)];
  if (ranges.length > 0) {
    it(`${name}: refuses a whole-number field outside its range or not a whole number, naming it`, async () => {
      const outside = fc.oneof(
        ...ranges.map(([field, range]) => fc.record({ field: fc.constant(field), value: notInRange(range) })),
      );
      await fc.assert(
        fc.asyncProperty(spec.valid, outside, async (valid, { field, value }) => {
          const verdict = await validateAs(spec.metatype, { ...valid, [field]: value }, spec.type);
          expect(verdict, `${field} = ${JSON.stringify(value)}`).toEqual({
            accepted: false,
            fields: [field],
          });
        }),
        RUNS,
      );
    });
  }

  it(`${name}: refuses a wrong value or an unknown field, naming it`, async () => {
    await fc.assert(
      fc.asyncProperty(spec.valid, fc.constantFrom(...spec.fields, 'notAField'), async (valid, field) => {
        const value = { ...valid, [field]: wrongFor(spec, field, valid[field]) };
        const verdict = await validateAs(spec.metatype, value, spec.type);
        expect(verdict.accepted, `${field} = ${JSON.stringify(value[field])}`).toBe(false);
        if (!verdict.accepted) {
          expect(verdict.fields.some((at) => at === field || at.startsWith(`${field}.`))).toBe(true);
        }
      }),
      RUNS,
    );
  });
}
