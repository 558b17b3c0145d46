import { describe, expect, it } from 'vitest';

import { isActionPossible, possibleActions, stateAfter } from './action-table';

const facts = (state: Parameters<typeof possibleActions>[0]['state'], extra = {}) => ({
  state,
  signed: false,
  paid: false,
  ...extra,
});

describe('the state table', () => {
  it('lists what can happen in each state', () => {
    expect(possibleActions(facts('draft'))).toEqual(['submit', 'pay']);
    expect(possibleActions(facts('submitted'))).toEqual(['receive', 'refuse', 'pay', 'withdraw']);
    expect(possibleActions(facts('received'))).toEqual([
      'assign',
      'request_supplement',
      'pay',
      'extend',
      'approve',
      'deny',
      'withdraw',
      'consult',
      'answer_consultation',
    ]);
    expect(possibleActions(facts('supplement_requested'))).toEqual([
      'supplement',
      'pay',
      'extend',
      'withdraw',
      'consult',
      'answer_consultation',
    ]);
    expect(possibleActions(facts('decided'))).toEqual(['pay', 'sign', 'answer_consultation']);
    expect(possibleActions(facts('decided', { signed: true }))).toEqual([
      'pay',
      'return',
      'answer_consultation',
    ]);
    expect(possibleActions(facts('decided', { signed: true, paid: true }))).toEqual([
      'return',
      'answer_consultation',
    ]);
    expect(possibleActions(facts('returned'))).toEqual([]);
    expect(possibleActions(facts('refused'))).toEqual([]);
    expect(possibleActions(facts('withdrawn'))).toEqual([]);
  });

  it('takes a fee once, until the file is returned', () => {
    expect(isActionPossible('pay', facts('in_progress', { paid: true }))).toBe(false);
    expect(isActionPossible('pay', facts('decided'))).toBe(true);
    expect(isActionPossible('pay', facts('returned'))).toBe(false);
  });

  it('keeps the state for pay, extend and sign, and moves it otherwise', () => {
    expect(stateAfter('pay', 'received')).toBe('received');
    expect(stateAfter('assign', 'received')).toBe('in_progress');
    expect(stateAfter('supplement', 'supplement_requested')).toBe('in_progress');
    expect(stateAfter('deny', 'in_progress')).toBe('decided');
  });
});
