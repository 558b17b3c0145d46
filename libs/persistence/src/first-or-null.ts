/** The only row of a lookup by a unique key, or null. */
export const firstOrNull = <T>(rows: T[]): T | null => rows[0] ?? null;
