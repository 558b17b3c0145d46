export * from './action-table';
export * from './applicant-notice';
export * from './deadline-checks';
export * from './decide';
export * from './due-time';
export * from './lifecycle';
export * from './receipt-code';
export * from './retention';
