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

  const stepped = (event: Record<string, unknown>) =>
    JSON.stringify({
      ...valid,
      events: [{ type: 'register_counter', at: '2025-01-03T09:15:00+07:00', ...event }],
    });
  const STEP_1 = {
    stepId: 'f1d4c1d2-6f0e-4a54-9b8f-6a1c3e0b2a11',
    step: 1,
    stepName: 'Tiếp nhận',
    stepAgencyId: 'a7e5c1d2-6f0e-4a54-9b8f-6a1c3e0b2a22',
    stepRole: 'clerk',
    stepDueAt: '2025-01-03T11:15:00+07:00',
  };

  it('reads the step fields of an event entering a step, its due time as an instant', () => {
    expect(parseImportLine(stepped(STEP_1)).events[0]!.stepFields).toEqual({
      ...STEP_1,
      stepDueAt: '2025-01-03T04:15:00.000Z',
    });
    expect(parseImportLine(stepped({})).events[0]!.stepFields).toBeUndefined();
  });

  it.each([
    [{ ...STEP_1, step: 0 }, /events\[0\]\.step must be a whole number from 1 to 8/],
    [{ ...STEP_1, step: '2' }, /events\[0\]\.step must be/],
    [{ ...STEP_1, stepRole: 'citizen' }, /events\[0\]\.stepRole must be one of clerk, supervisor/],
    [{ ...STEP_1, stepDueAt: '2025-01-03 11:15' }, /events\[0\]\.stepDueAt must be an ISO 8601 time/],
    [{ ...STEP_1, stepName: '' }, /events\[0\]\.stepName must be a non-empty text/],
    [{ ...STEP_1, stepAgencyId: 'x'.repeat(37) }, /events\[0\]\.stepAgencyId must be/],
    [{ step: 1 }, /events\[0\]\.stepName is required with the other step fields of register_counter/],
    [
      { ...STEP_1, stepAgencyId: undefined },
      /events\[0\] needs exactly one of stepAgencyId and stepAgencyCode/,
    ],
    [{ ...STEP_1, stepAgencyCode: 'QN-SXD' }, /needs exactly one of stepAgencyId and stepAgencyCode/],
    [{ ...STEP_1, stepDueAt: undefined }, /events\[0\]\.stepDueAt is required/],
  ])('refuses a bad step field, naming it: %j', (fields, message) => {
    expect(() => parseImportLine(stepped(fields))).toThrow(message);
  });

  it('reads the step due time a supplement gives', () => {
    const line = JSON.stringify({
      ...valid,
      events: [{ type: 'supplement', at: '2025-01-03T09:15:00+07:00', stepDueAt: '2025-01-04T09:00:00Z' }],
    });
    expect(parseImportLine(line).events[0]!.stepFields).toEqual({ stepDueAt: '2025-01-04T09:00:00.000Z' });
    const stepped = JSON.stringify({
      ...valid,
      events: [{ type: 'supplement', at: '2025-01-03T09:15:00+07:00', step: 2 }],
    });
    expect(() => parseImportLine(stepped)).toThrow('events[0].step is not taken by supplement');
  });

  it('refuses step fields on an event that records none, naming the field', () => {
    const line = JSON.stringify({
      ...valid,
      events: [{ type: 'submit', at: '2025-01-03T09:15:00+07:00', stepRole: 'clerk' }],
    });
    expect(() => parseImportLine(line)).toThrow('events[0].stepRole is not taken by submit');
  });
});
