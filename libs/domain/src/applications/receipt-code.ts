/** `<AGENCYCODE>-<YYMMDD>-<NNNN>`: receiving agency, local reception date, sequence of that agency that day. */
export function formatReceiptCode(agencyCode: string, localDate: string, sequence: number): string {
  const [year, month, day] = localDate.split('-');
  return `${agencyCode}-${year!.slice(2)}${month}${day}-${String(sequence).padStart(4, '0')}`;
}
