export * from './due-time';
export * from './lifecycle';
export * from './receipt-code';
export * from './retention';
