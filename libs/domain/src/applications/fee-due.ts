import type { Action } from './lifecycle';

/**
 * When a procedure's fee is due (docs/payments.md, "When the fee is due"): with the file
 * (`at_submission`), or before its result is handed over (`before_return`).
 */
export const FEE_DUE_MOMENTS = ['at_submission', 'before_return'] as const;
export type FeeDue = (typeof FEE_DUE_MOMENTS)[number];

export const DEFAULT_FEE_DUE: FeeDue = 'before_return';

/**
 * The actions an unpaid fee holds back, by when it is due: a fee due at submission holds back the
 * submission; any unpaid fee holds back the return of the result (a counter file never submits, so its
 * fee is checked there whatever the procedure says).
 */
const HELD_BACK: { readonly [A in Action]?: readonly FeeDue[] } = {
  submit: ['at_submission'],
  return: ['at_submission', 'before_return'],
};

/** Whether the action waits for the fee: the file is unpaid and its fee is due by then. */
export const waitsForFee = (action: Action, facts: { paid: boolean }, feeDue: FeeDue): boolean =>
  !facts.paid && (HELD_BACK[action]?.includes(feeDue) ?? false);
