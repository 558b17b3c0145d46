/** Viet Nam keeps UTC+7 all year, with no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * `yyyyMMddHHmmss` in Viet Nam time, as the payment gateway (docs/payments.md) and the national
 * portal (docs/integrations.md) write instants.
 */
export function vietnamTime(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}
