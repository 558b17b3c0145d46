/** Lower case without diacritics, so that `Đức`, `ĐỨC` and `duc` compare equal. */
export function foldText(value: string): string {
  // đ is a letter of its own, not d with a combining mark, so decomposition alone would keep it.
  return value.toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
