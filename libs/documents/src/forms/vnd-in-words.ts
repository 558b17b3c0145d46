const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ'];

/** A group of three digits read aloud; `full` reads its leading zeros ("không trăm linh năm"). */
function groupInWords(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0 && units > 0 && words.length > 0) words.push('linh');
  if (tens === 1) words.push('mười');
  if (tens > 1) words.push(DIGITS[tens]!, 'mươi');
  if (units === 1 && tens > 1) words.push('mốt');
  else if (units === 4 && tens > 1) words.push('tư');
  else if (units === 5 && tens > 0) words.push('lăm');
  else if (units > 0) words.push(DIGITS[units]!);
  return words;
}

/** An amount in đồng written in Vietnamese words, as receipts state it: "Một trăm nghìn đồng". */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not an amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  if (groups.length > GROUPS.length) throw new RangeError(`amount too large: ${amount}`);
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index]!;
    if (group === 0) continue;
    words.push(...groupInWords(group, index < groups.length - 1), GROUPS[index]!);
  }
  const text = words.filter(Boolean).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`;
}
