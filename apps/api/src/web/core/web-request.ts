import type { Request } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { MAX_PAGE } from '@onegate/persistence';
import { IntegerBetweenPipe } from '@onegate/platform';

/** A page request: the guard has set `user` when someone is signed in. */
export type WebRequest = Request & { user?: AuthenticatedUser; id?: string | number };

/**
 * The `page` of a listing page: absent is the first page, anything else must be a page number, or the
 * answer is a 400 page naming it (docs/portal.md).
 */
export const PAGE_NUMBER = new IntegerBetweenPipe(1, MAX_PAGE);

/** One value of a posted form or query as text: a field sent twice counts once, non-text is absent. */
export function firstText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** Values of a posted form or query: a field sent twice counts once, non-text values are dropped. */
export function textFields(source: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries((source ?? {}) as Record<string, unknown>)) {
    const text = firstText(value);
    if (text !== undefined) fields[name] = text;
  }
  return fields;
}

/** Every value of a field sent once or several times (checkbox lists). */
export function listField(source: unknown, name: string): string[] {
  const value = ((source ?? {}) as Record<string, unknown>)[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string');
}
