import { describe, expect, it } from 'vitest';

import { NO_STORED_COPY } from '@onegate/persistence';

import { IMPORTED_SIGNER, importResultOf, resultRowOf } from './import-result';

describe('the result an imported decision or return says was issued', () => {
  it('reads an electronic result, with or without its signer, on a decision or a return', () => {
    expect(importResultOf({ result: { electronic: true } }, 'approve', 'events[3]')).toEqual({
      electronic: true,
      signer: null,
    });
    expect(
      importResultOf({ result: { electronic: true, signer: 'Sở Tư pháp' } }, 'return', 'events[5]'),
    ).toEqual({ electronic: true, signer: 'Sở Tư pháp' });
    expect(importResultOf({ result: { electronic: false } }, 'deny', 'events[3]')).toEqual({
      electronic: false,
      signer: null,
    });
    expect(importResultOf({}, 'approve', 'events[3]')).toBeUndefined();
  });

  it.each([
    [{ electronic: true }, 'submit', 'events[0].result is not taken by submit'],
    ['yes', 'approve', 'events[0].result must be a JSON object'],
    [{}, 'approve', 'events[0].result.electronic must be true or false'],
    [{ electronic: 'true' }, 'approve', 'events[0].result.electronic must be true or false'],
    [{ electronic: true, copy: 'x' }, 'approve', 'events[0].result.copy is not a field of result'],
    [{ electronic: true, signer: '' }, 'approve', 'events[0].result.signer must be a non-empty text'],
    [
      { electronic: false, signer: 'A' },
      'approve',
      'events[0].result.signer is only for an electronic result',
    ],
  ])('refuses %j on %s naming the field', (result, type, message) => {
    expect(() => importResultOf({ result }, type, 'events[0]')).toThrow(message);
  });

  it('writes the results row issuing writes, without a stored copy, its kind by the decision', () => {
    const at = new Date('2025-06-02T08:00:00Z');
    const approved = resultRowOf(
      { electronic: true, signer: null },
      { id: 'a', code: 'C-1', outcome: 'approved' },
      at,
    );
    expect(approved).toMatchObject({
      applicationId: 'a',
      code: 'C-1',
      kind: 'result',
      storageKey: NO_STORED_COPY,
      signer: IMPORTED_SIGNER,
      signedAt: at,
      sizeBytes: 0,
    });
    expect(
      resultRowOf({ electronic: true, signer: 'X' }, { id: 'b', code: 'C-2', outcome: 'denied' }, at),
    ).toMatchObject({
      kind: 'decision_letter',
      signer: 'X',
    });
  });
});
