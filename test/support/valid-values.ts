import fc from 'fast-check';

import { BIRTH_REGISTRATION_PROVINCES } from '@onegate/domain';

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));

/** A 12-digit citizen ID of someone born in the 1900s, in a real province. */
export const nationalId = fc
  .tuple(fc.constantFrom(...Object.keys(BIRTH_REGISTRATION_PROVINCES)), fc.constantFrom('0', '1'), digits(8))
  .map(([province, century, rest]) => `${province}${century}${rest}`);

export const mobilePhone = digits(8).map((rest) => `09${rest}`);

export const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), fc.constantFrom('example.vn', 'gov.vn', 'mail.com'))
  .map(([local, domain]) => `${local}@${domain}`);

/** A text that is not blank even once trimmed, at most `max` characters. */
export const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: Math.min(max, 60) }).filter((value) => value.trim() !== '');

export const localDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

export const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

export const uuid = fc.uuid({ version: 4 });

/** A whole number as a query string carries it. */
export const wholeText = (min: number, max: number) => fc.integer({ min, max }).map(String);

/** Optional properties: each present or absent. */
export const someOf = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
