// Vietnamese telephone numbers after the 2017-2018 renumbering: mobile numbers are 0 + 9 digits starting 03,
// 05, 07, 08 or 09; landlines are an area code starting 02 (024 Hà Nội, 0203 Quảng Ninh) + the subscriber
// number, 11 digits in all.
// Written domestically (0…) or internationally (+84… or 84…), with spaces, dots, dashes or parentheses.

const COUNTRY_CODE = '84';
const SEPARATORS = /[\s.\-()]/g;
const NATIONAL_NUMBER = /^(?:[35789]\d{8}|2\d{9})$/;
// "+84 (0) 912 …": some people keep the domestic trunk 0 after the country code.
const INTERNATIONAL = /^\+?84(0?)(\d+)$/;
const DOMESTIC = /^0(\d+)$/;

function nationalNumberOf(compact: string): string | null {
  const domestic = DOMESTIC.exec(compact);
  if (domestic) {
    return domestic[1];
  }
  const international = INTERNATIONAL.exec(compact);
  return international ? international[2] : null;
}

/** The number in E.164 form (`+84912345678`), or null when it is not a Vietnamese mobile or landline number. */
export function normalizeVietnamesePhone(value: string): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const compact = value.replace(SEPARATORS, '');
  const nationalNumber = nationalNumberOf(compact);
  return nationalNumber !== null && NATIONAL_NUMBER.test(nationalNumber)
    ? `+${COUNTRY_CODE}${nationalNumber}`
    : null;
}

export function isValidVietnamesePhone(value: string): boolean {
  return normalizeVietnamesePhone(value) !== null;
}
