import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ACTIONS } from '@onegate/domain';

import { ImportLineError, parseImportLine } from './import-line';

const RUNS = { numRuns: 200 };

const time = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .chain((date) =>
    fc.constantFrom(
      date.toISOString(),
      date.toISOString().replace('Z', '+07:00'),
      date.toISOString().slice(0, 16) + 'Z',
    ),
  );
const words = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((text) => text.trim() !== '');

const event = fc.record(
  {
    type: fc.constantFrom(...ACTIONS),
    at: time,
    channel: fc.constantFrom('online', 'offline'),
    reason: words(2000),
    missingDocuments: fc.array(words(50), { minLength: 1, maxLength: 3 }),
    appointmentAt: time,
    reference: words(100),
    note: words(2000),
  },
  { requiredKeys: ['type', 'at'] },
);

const line = fc.record(
  {
    code: words(48),
    procedureCode: words(32),
    receivingAgencyCode: words(32),
    applicant: fc.record(
      { nationalId: fc.stringMatching(/^\d{12}$/), fullName: words(255), email: words(255) },
      { requiredKeys: ['nationalId', 'fullName'] },
    ),
    formData: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
    fee: fc.record({ amount: fc.integer({ min: 0, max: 2_000_000_000 }) }),
    events: fc.array(event, { minLength: 1, maxLength: 5 }),
    rating: fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.record({ score: fc.integer({ min: 1, max: 5 }), comment: words(2000) }),
    ),
  },
  { requiredKeys: ['code', 'procedureCode', 'applicant', 'events'] },
);

/** Why a line was refused, or null when it was read. Any other error fails the test. */
function refusal(source: string): string | null {
  try {
    parseImportLine(source);
    return null;
  } catch (error) {
    if (!(error instanceof ImportLineError)) throw error;
    return error.message;
  }
}

describe('import line parser', () => {
  it('reads or refuses any text, and any JSON, with a reason: it never fails otherwise', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (source) => {
          const reason = refusal(source);
          if (reason !== null) expect(reason.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it('reads every well-formed line, as it was written', () => {
    fc.assert(
      fc.property(line, (value) => {
        const parsed = parseImportLine(JSON.stringify(value));
        expect(parsed.code).toBe(value.code);
        expect(parsed.applicant.nationalId).toBe(value.applicant.nationalId);
        expect(parsed.events).toHaveLength(value.events.length);
        expect(parsed.feeVnd).toBe(value.fee?.amount ?? null);
      }),
      RUNS,
    );
  });

  it('refuses a line with one wrong field, naming that field', () => {
    const wrongs: [string, (value: Record<string, unknown>) => void][] = [
      ['code', (value) => (value.code = 42)],
      ['procedureCode', (value) => (value.procedureCode = '   ')],
      [
        'applicant.nationalId',
        (value) => ((value.applicant as Record<string, unknown>).nationalId = '12345'),
      ],
      ['applicant.fullName', (value) => ((value.applicant as Record<string, unknown>).fullName = ['A'])],
      ['formData', (value) => (value.formData = 'text')],
      ['fee', (value) => (value.fee = 5)],
      ['events', (value) => (value.events = [])],
      ['events[0].type', (value) => ((value.events as Record<string, unknown>[])[0]!.type = 'teleport')],
      ['events[0].at', (value) => ((value.events as Record<string, unknown>[])[0]!.at = '2025-01-03 09:15')],
      ['rating', (value) => (value.rating = 6)],
    ];
    fc.assert(
      fc.property(line, fc.constantFrom(...wrongs), (value, [field, spoil]) => {
        const spoiled = structuredClone(value) as Record<string, unknown>;
        spoil(spoiled);
        expect(refusal(JSON.stringify(spoiled))).toMatch(
          new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}\\b`),
        );
      }),
      RUNS,
    );
  });

  it('refuses a line holding the NUL character, which no database text can keep', () => {
    fc.assert(
      fc.property(line, (value) => {
        const source = JSON.stringify({ ...value, formData: { note: 'a\u0000b' } });
        expect(refusal(source)).toMatch(/NUL/);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses form data nested too deep to be stored, without exhausting the stack', () => {
    const depth = 100_000;
    const source = `{"code":"C-1","procedureCode":"1.1","applicant":{"nationalId":"022090001234","fullName":"A"},"events":[{"type":"submit","at":"2025-01-03T09:15:00Z"}],"formData":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(refusal(source)).toMatch(/^formData nests deeper than \d+ levels/);
  });
});
