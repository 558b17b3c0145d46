export const FAILED_SIGN_INS_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 24 * 60 * 60_000;

/**
 * How long an account stays locked after `failures` consecutive failed sign-ins: nothing before the
 * fifth, then one minute, doubling with each further failure, at most a day.
 */
export function lockDurationMs(failures: number): number | null {
  if (failures < FAILED_SIGN_INS_BEFORE_LOCK) return null;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FAILED_SIGN_INS_BEFORE_LOCK), LONGEST_LOCK_MS);
}
