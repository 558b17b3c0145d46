import { describe, expect, it } from 'vitest';

import { ACTIONS, fieldsTaken } from '@onegate/domain';

import { actionErrors, actionForms, amountOf, checkActionForm } from './action-forms';

describe('staff action forms', () => {
  it('offer no input for an action field the action table does not take', () => {
    for (const form of actionForms([...ACTIONS], null, new Date('2026-11-23T02:00:00Z'))) {
      const offered = Object.entries(form.fields)
        .filter(([, shown]) => shown)
        .map(([field]) => field);
      // An internal note and a message to the applicant fit every action (docs/messages.md).
      const taken = [...fieldsTaken(form.action), 'channel', 'note', 'message'];
      expect({ action: form.action, foreign: offered.filter((field) => !taken.includes(field)) }).toEqual({
        action: form.action,
        foreign: [],
      });
    }
  });

  it('read an amount typed with thousands separators as the whole number, and leave anything else as typed', () => {
    expect(['1250000', '1.250.000', '1,250,000', '1 250 000', '250.000'].map(amountOf)).toEqual([
      '1250000',
      '1250000',
      '1250000',
      '1250000',
      '250000',
    ]);
    for (const typed of ['1,5', '1.250,000', '12.50', '1.2500.000', 'một triệu', '-1.000']) {
      expect(amountOf(typed)).toBe(typed);
    }
    expect(amountOf(undefined)).toBeUndefined();
  });

  it('take a forward with an amount typed with dots, and refuse words in place of one in plain words, once', async () => {
    const base = { action: 'forward', opinion: 'Thuế khoán' };
    const taken = await checkActionForm({ ...base, amountDue: '1.250.000' });
    expect(taken.problems).toEqual([]);
    expect(taken.request.amountDue).toBe(1_250_000);
    const refused = await checkActionForm({ ...base, amountDue: 'một triệu' });
    expect(actionErrors('vi', 'forward', refused.problems).byField).toEqual({
      'forward-amountDue': 'phải là số tiền bằng đồng, ví dụ 1250000 hoặc 1.250.000',
    });
    expect(actionErrors('en', 'forward', refused.problems).byField).toEqual({
      'forward-amountDue': 'must be an amount in dong, e.g. 1250000 or 1,250,000',
    });
  });
});
