/**
 * What one rollup row adds up. Counts are per local date (or month); `backlogDelta` and `overdueDelta`
 * are changes, summed from the beginning of time to give the backlog at the end of a date.
 */
export const COUNTER_NAMES = [
  'received',
  'decided',
  'onTime',
  'extended',
  'turnaroundMs',
  'returned',
  'fullyOnline',
  'refused',
  'withdrawn',
  'backlogDelta',
  'overdueDelta',
  'ratingCount',
  'ratingSum',
  'satisfied',
  'indexOnTime',
  'indexLateOpenDelta',
  'feeBearing',
  'paidOnline',
  'signedOnline',
  'dissatisfied',
  'digitised',
  'reused',
] as const;

export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;

/** The column of each counter in `report_rollups`. */
export const COUNTER_COLUMNS: { readonly [Name in CounterName]: string } = {
  received: 'received',
  decided: 'decided',
  onTime: 'on_time',
  extended: 'extended',
  turnaroundMs: 'turnaround_ms',
  returned: 'returned',
  fullyOnline: 'fully_online',
  refused: 'refused',
  withdrawn: 'withdrawn',
  backlogDelta: 'backlog_delta',
  overdueDelta: 'overdue_delta',
  ratingCount: 'rating_count',
  ratingSum: 'rating_sum',
  satisfied: 'satisfied',
  indexOnTime: 'index_on_time',
  indexLateOpenDelta: 'index_late_open_delta',
  feeBearing: 'fee_bearing',
  paidOnline: 'paid_online',
  signedOnline: 'signed_online',
  dissatisfied: 'dissatisfied',
  digitised: 'digitised',
  reused: 'reused',
};

export function zeroCounters(): Counters {
  const counters = {} as Counters;
  for (const name of COUNTER_NAMES) counters[name] = 0;
  return counters;
}

export function addCounters(target: Counters, source: Partial<Counters>, sign: 1 | -1 = 1): void {
  for (const name of COUNTER_NAMES) {
    const value = source[name];
    if (value) target[name] += sign * value;
  }
}

export function isZero(counters: Counters): boolean {
  return COUNTER_NAMES.every((name) => counters[name] === 0);
}
