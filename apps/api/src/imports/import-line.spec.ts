import { describe, expect, it } from 'vitest';

import { parseImportLine } from './import-line';

const valid = {
  code: 'QN-STP-250103-0007',
  procedureCode: '1.001612',
  receivingAgencyCode: 'QN-STP',
  applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A', email: 'a@example.vn' },
  formData: { anything: [1, 'two'] },
  fee: { amount: 50000 },
  events: [
    { type: 'submit', at: '2025-01-03T09:15:00+07:00', channel: 'online' },
    {
      type: 'extend',
      at: '2025-01-06T09:00:00Z',
      reason: 'Cần xác minh',
      appointmentAt: '2025-01-09T09:00:00+07:00',
    },
  ],
  rating: 5,
};

describe('import lines', () => {
  it('reads the import line of docs/metrics.md, with times in any offset', () => {
    const line = parseImportLine(JSON.stringify(valid));
    expect(line).toMatchObject({
      code: 'QN-STP-250103-0007',
      feeVnd: 50000,
      formData: { anything: [1, 'two'] },
      rating: { score: 5, comment: null },
    });
    expect(line.events[0]!.at.toISOString()).toBe('2025-01-03T02:15:00.000Z');
    expect(line.events[1]!.appointmentAt).toBe('2025-01-09T02:00:00.000Z');
  });

  it.each([
    ['{', /not valid JSON/],
    ['[]', /one JSON object/],
    [JSON.stringify({ ...valid, code: undefined }), /code is required/],
    [JSON.stringify({ ...valid, applicant: { ...valid.applicant, nationalId: '12' } }), /12-digit/],
    [JSON.stringify({ ...valid, events: [] }), /non-empty list/],
    [
      JSON.stringify({ ...valid, events: [{ type: 'teleport', at: '2025-01-03T09:15:00+07:00' }] }),
      /events\[0\]\.type/,
    ],
    [
      JSON.stringify({ ...valid, events: [{ type: 'submit', at: '2025-01-03 09:15' }] }),
      /events\[0\]\.at must be an ISO 8601 time/,
    ],
    [
      JSON.stringify({ ...valid, events: [{ type: 'submit', at: '2025-01-03T09:15:00' }] }),
      /with its offset/,
    ],
    [JSON.stringify({ ...valid, fee: { amount: -1 } }), /fee.amount/],
    [JSON.stringify({ ...valid, rating: 7 }), /rating must be/],
  ])('refuses %s', (text, message) => {
    expect(() => parseImportLine(text)).toThrow(message);
  });
});
