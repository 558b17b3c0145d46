import type { ImportEventJson, ImportLineJson } from './random-applications';

const at = (local: string) => `${local}+07:00`;

/** An event at a local time (`2025-06-02T09:00:00`), online unless said otherwise. */
export function event(type: string, local: string, fields: Partial<ImportEventJson> = {}): ImportEventJson {
  return { type, at: at(local), channel: 'online', ...fields };
}

/** An import line of the record-extract procedure (2.000488, Department of Justice, 80 h, pause, 200,000 VND). */
export function recordLine(
  code: string,
  events: ImportEventJson[],
  extra: Partial<ImportLineJson> = {},
): ImportLineJson {
  return {
    code,
    procedureCode: '2.000488',
    receivingAgencyCode: 'QN-STP',
    applicant: { nationalId: '022191000001', fullName: 'Phạm Thị E' },
    formData: { purpose: 'Xin việc' },
    fee: { amount: 200_000 },
    events,
    ...extra,
  };
}

/** A story received, paid, decided and returned online during the week of 2 June 2025. */
export function returnedStory(day = '2025-06-02'): ImportEventJson[] {
  return [
    event('submit', `${day}T08:30:00`),
    event('receive', `${day}T09:00:00`),
    event('pay', `${day}T09:10:00`, { reference: 'PG-1' }),
    event('approve', `${day}T15:00:00`),
    event('sign', `${day}T15:05:00`),
    event('return', `${day}T16:00:00`),
  ];
}
