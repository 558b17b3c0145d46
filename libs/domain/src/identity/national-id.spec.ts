import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIRTH_REGISTRATION_PROVINCES } from './birth-registration-provinces';
import {
  isValidNationalId,
  maskNationalId,
  NATIONAL_ID_PATTERN,
  parseNationalId,
  type Sex,
} from './national-id';

const TODAY = new Date('2025-06-01T00:00:00+07:00');
const PROVINCE_CODES = Object.keys(BIRTH_REGISTRATION_PROVINCES);

function buildNationalId(provinceCode: string, sex: Sex, birthYear: number, random: string): string {
  const century = Math.floor((birthYear - 1900) / 100);
  const centuryAndSex = century * 2 + (sex === 'male' ? 0 : 1);
  return `${provinceCode}${centuryAndSex}${String(birthYear % 100).padStart(2, '0')}${random}`;
}

describe('BIRTH_REGISTRATION_PROVINCES', () => {
  it('lists the 63 provinces and centrally-run cities with three-digit codes', () => {
    expect(PROVINCE_CODES).toHaveLength(63);
    expect(PROVINCE_CODES.every((code) => /^0\d\d$/.test(code))).toBe(true);
    expect(new Set(Object.values(BIRTH_REGISTRATION_PROVINCES)).size).toBe(63);
  });

  it.each([
    ['001', 'Hà Nội'],
    ['022', 'Quảng Ninh'],
    ['031', 'Hải Phòng'],
    ['046', 'Thừa Thiên Huế'],
    ['048', 'Đà Nẵng'],
    ['079', 'Hồ Chí Minh'],
    ['092', 'Cần Thơ'],
    ['096', 'Cà Mau'],
  ])('maps %s to %s', (code, name) => {
    expect(BIRTH_REGISTRATION_PROVINCES[code]).toBe(name);
  });

  it('writes names in composed Unicode (NFC), as users type them', () => {
    for (const name of Object.values(BIRTH_REGISTRATION_PROVINCES)) {
      expect(name).toBe(name.normalize('NFC'));
    }
  });
});

describe('parseNationalId', () => {
  it('reads the demo ID as a man born in 1990 and registered in Quảng Ninh', () => {
    expect(parseNationalId('022090001234', TODAY)).toEqual({
      provinceCode: '022',
      provinceName: 'Quảng Ninh',
      sex: 'male',
      birthYear: 1990,
    });
    expect(isValidNationalId('022090001234')).toBe(true);
  });

  it.each([
    ['001000000001', 'male', 1900],
    ['001100000001', 'female', 1900],
    ['079199123456', 'female', 1999],
    ['048200000000', 'male', 2000],
    ['096325999999', 'female', 2025],
  ] as const)('reads %s as %s born in %i', (value, sex, birthYear) => {
    expect(parseNationalId(value, TODAY)).toMatchObject({ sex, birthYear });
  });

  it('rejects a birth year after the current year', () => {
    expect(parseNationalId('001226000001', TODAY)).toBeNull();
    expect(parseNationalId('001226000001', new Date('2026-01-01T00:00:00+07:00'))).not.toBeNull();
  });

  it("uses Vietnam's calendar year, not UTC's, to decide what is in the future", () => {
    const newYearsEveInUtc = new Date('2025-12-31T17:30:00Z');
    expect(isValidNationalId('001226000001', newYearsEveInUtc)).toBe(true);
    expect(isValidNationalId('001226000001', new Date('2025-12-31T16:59:59Z'))).toBe(false);
  });

  it('maps century digits 4 to 9 to 2100-2399, which are all in the future today', () => {
    for (const digit of ['4', '5', '6', '7', '8', '9']) {
      expect(parseNationalId(`001${digit}00000001`, TODAY)).toBeNull();
    }
    expect(parseNationalId('001500000001', new Date('2150-01-01T00:00:00Z'))).toMatchObject({
      sex: 'female',
      birthYear: 2100,
    });
    expect(parseNationalId('001999000001', new Date('2400-01-01T00:00:00Z'))).toMatchObject({
      sex: 'female',
      birthYear: 2399,
    });
  });

  it.each([
    ['empty', ''],
    ['11 digits', '02209000123'],
    ['13 digits', '0220900012345'],
    ['an unknown province code', '003090001234'],
    ['province code 000', '000090001234'],
    ['a code above the table', '097090001234'],
    ['surrounding whitespace', ' 022090001234 '],
    ['inner spaces', '022 090 001 234'],
    ['a letter', '02209000123A'],
    ['full-width digits', '０２２０９０００１２３４'],
    ['a trailing newline', '022090001234\n'],
  ])('rejects %s', (_case, value) => {
    expect(parseNationalId(value, TODAY)).toBeNull();
    expect(isValidNationalId(value, TODAY)).toBe(false);
  });

  it('rejects values that are not strings at run time', () => {
    expect(isValidNationalId(22090001234 as unknown as string)).toBe(false);
  });

  it('parses every generated number back to the parts it was built from', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCE_CODES),
        fc.constantFrom<Sex>('male', 'female'),
        fc.integer({ min: 1900, max: 2025 }),
        fc.stringMatching(/^\d{6}$/),
        (provinceCode, sex, birthYear, random) => {
          expect(parseNationalId(buildNationalId(provinceCode, sex, birthYear, random), TODAY)).toEqual({
            provinceCode,
            provinceName: BIRTH_REGISTRATION_PROVINCES[provinceCode],
            sex,
            birthYear,
          });
        },
      ),
    );
  });
});

describe('NATIONAL_ID_PATTERN', () => {
  const pattern = new RegExp(NATIONAL_ID_PATTERN);

  it('is an anchored regular expression source', () => {
    expect(NATIONAL_ID_PATTERN.startsWith('^')).toBe(true);
    expect(NATIONAL_ID_PATTERN.endsWith('$')).toBe(true);
    expect(pattern.test('022090001234')).toBe(true);
    expect(pattern.test('003090001234')).toBe(false);
    expect(pattern.test('x022090001234')).toBe(false);
  });

  it('accepts exactly the valid numbers, apart from the birth year check', () => {
    const twelveDigits = fc.oneof(
      fc.stringMatching(/^\d{12}$/),
      fc.tuple(fc.constantFrom(...PROVINCE_CODES), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(twelveDigits, (value) => {
        const birthYear = 1900 + Math.floor(Number(value[3]) / 2) * 100 + Number(value.slice(4, 6));
        expect(isValidNationalId(value, TODAY)).toBe(pattern.test(value) && birthYear <= 2025);
      }),
    );
  });
});

describe('maskNationalId', () => {
  it('keeps only the last four digits', () => {
    expect(maskNationalId('022090001234')).toBe('********1234');
  });

  it('masks surrounding whitespace away and hides values too short to keep a tail', () => {
    expect(maskNationalId(' 022090001234 ')).toBe('********1234');
    expect(maskNationalId('1234')).toBe('****');
    expect(maskNationalId('')).toBe('');
  });

  it('never shows more than the last four characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 5, unit: 'grapheme-ascii' }), (raw) => {
        const value = raw.trim();
        fc.pre(value.length > 4);
        const masked = maskNationalId(raw);
        expect(masked).toHaveLength(value.length);
        expect(masked.endsWith(value.slice(-4))).toBe(true);
        expect(masked.slice(0, -4)).toMatch(/^\*+$/);
      }),
    );
  });
});
