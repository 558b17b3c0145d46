import { BIRTH_REGISTRATION_PROVINCES } from './birth-registration-provinces';

// The Vietnamese personal identification number (số định danh cá nhân), printed on the citizen identity
// card (CCCD). Structure set by Decree 137/2015/ND-CP (Article 13) and detailed by Circular 59/2021/TT-BCA:
//   digits 1-3   province code of birth registration (see BIRTH_REGISTRATION_PROVINCES)
//   digit 4      century of birth and sex: 0/1 for 1900-1999, 2/3 for 2000-2099, 4/5 for 2100-2199,
//                6/7 for 2200-2299 and 8/9 for 2300-2399; the even digit is male, the odd one female
//   digits 5-6   last two digits of the birth year
//   digits 7-12  random
// There is no check digit. Citizens whose birth was registered abroad carry a country code instead of a
// province code; that table is not published with the decree, so such numbers are not recognised here.

export type Sex = 'male' | 'female';

export interface NationalIdParts {
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly sex: Sex;
  readonly birthYear: number;
}

const FIRST_CENTURY_OF_CODES = 1900;
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

/** Anchored regular expression source for the number's structure, for form schemas. */
export const NATIONAL_ID_PATTERN = `^(?:${Object.keys(BIRTH_REGISTRATION_PROVINCES).join('|')})\\d{9}$`;

const NATIONAL_ID_REGEX = new RegExp(NATIONAL_ID_PATTERN);

// Vietnam has kept UTC+07:00 without daylight saving since 1975, so its calendar year needs no time-zone data.
function currentYearInVietnam(today: Date): number {
  return new Date(today.getTime() + VIETNAM_UTC_OFFSET_MS).getUTCFullYear();
}

/**
 * The parts encoded in a 12-digit personal identification number, or null when the value is not one: wrong
 * length or characters, unknown province code, or a birth year after `today`'s year in Vietnam.
 */
export function parseNationalId(value: string, today: Date = new Date()): NationalIdParts | null {
  if (typeof value !== 'string' || !NATIONAL_ID_REGEX.test(value)) {
    return null;
  }
  const provinceCode = value.slice(0, 3);
  const centuryAndSex = Number(value[3]);
  const birthYear = FIRST_CENTURY_OF_CODES + Math.floor(centuryAndSex / 2) * 100 + Number(value.slice(4, 6));
  if (birthYear > currentYearInVietnam(today)) {
    return null;
  }
  return {
    provinceCode,
    provinceName: BIRTH_REGISTRATION_PROVINCES[provinceCode],
    sex: centuryAndSex % 2 === 0 ? 'male' : 'female',
    birthYear,
  };
}

export function isValidNationalId(value: string, today: Date = new Date()): boolean {
  return parseNationalId(value, today) !== null;
}

const VISIBLE_TAIL_LENGTH = 4;

/** `********1234`: only the last four characters stay readable, for display and logs. */
export function maskNationalId(value: string): string {
  const characters = [...value.trim()];
  // A value too short to hide anything is masked whole rather than shown.
  const visible = characters.length > VISIBLE_TAIL_LENGTH ? VISIBLE_TAIL_LENGTH : 0;
  return '*'.repeat(characters.length - visible) + characters.slice(characters.length - visible).join('');
}
