import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidVietnamesePhone, normalizeVietnamesePhone } from './phone';

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0321234567', '+84321234567'],
    ['0561234567', '+84561234567'],
    ['0701234567', '+84701234567'],
    ['0888123456', '+84888123456'],
    ['+84912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['+84 91 234 56 78', '+84912345678'],
    ['  0912345678\t', '+84912345678'],
    ['+84 (0) 912 345 678', '+84912345678'],
    ['(+84) 912-345-678', '+84912345678'],
  ])('reads mobile number %j as %s', (value, expected) => {
    expect(normalizeVietnamesePhone(value)).toBe(expected);
  });

  it.each([
    ['02438251234', '+842438251234'],
    ['024 3825 1234', '+842438251234'],
    ['(028) 3829 1234', '+842838291234'],
    ['0203.3825.123', '+842033825123'],
    ['+84 24 3825 1234', '+842438251234'],
    ['842438251234', '+842438251234'],
  ])('reads landline number %j as %s', (value, expected) => {
    expect(normalizeVietnamesePhone(value)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['separators only', ' - . '],
    ['a mobile number one digit short', '091234567'],
    ['a mobile number one digit long', '09123456789'],
    ['a landline one digit short', '0243825123'],
    ['an unassigned prefix 01', '0112345678'],
    ['an unassigned prefix 04', '0412345678'],
    ['an unassigned prefix 06', '0612345678'],
    ['the retired 11-digit mobile form', '01681234567'],
    ['no trunk prefix', '912345678'],
    ['another country code', '+85512345678'],
    ['a plus sign inside', '09+12345678'],
    ['letters', '0912abc678'],
    ['a country code written twice', '+8484912345678'],
    ['full-width digits', '０９１２３４５６７８'],
    ['an extension', '0912345678 ext 12'],
  ])('rejects %s', (_case, value) => {
    expect(normalizeVietnamesePhone(value)).toBeNull();
    expect(isValidVietnamesePhone(value)).toBe(false);
  });

  it('rejects values that are not strings at run time', () => {
    expect(isValidVietnamesePhone(912345678 as unknown as string)).toBe(false);
  });

  const nationalNumber = fc.oneof(fc.stringMatching(/^[35789]\d{8}$/), fc.stringMatching(/^2\d{9}$/));
  const separator = fc.constantFrom('', ' ', '.', '-', ' - ');

  function spread(digits: string, separators: string[]): string {
    return [...digits].map((digit, index) => digit + (separators[index % separators.length] ?? '')).join('');
  }

  it('reads every way of writing a number as the same E.164 number', () => {
    fc.assert(
      fc.property(
        nationalNumber,
        fc.constantFrom('0', '+84', '84', '+84 (0) '),
        fc.array(separator, { minLength: 1, maxLength: 4 }),
        (digits, prefix, separators) => {
          expect(normalizeVietnamesePhone(prefix + spread(digits, separators))).toBe(`+84${digits}`);
        },
      ),
    );
  });

  it('is idempotent', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[+\d .()-]{0,16}$/),
      nationalNumber.map((digits) => `0${digits}`),
    );
    fc.assert(
      fc.property(anything, (value) => {
        const normalized = normalizeVietnamesePhone(value);
        if (normalized !== null) {
          expect(normalizeVietnamesePhone(normalized)).toBe(normalized);
        }
      }),
    );
  });

  it('only returns +84 followed by a 9-digit mobile or 10-digit landline number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+\d .()-]{0,16}$/), (value) => {
        const normalized = normalizeVietnamesePhone(value);
        if (normalized !== null) {
          expect(normalized).toMatch(/^\+84(?:[35789]\d{8}|2\d{9})$/);
        }
      }),
    );
  });
});
