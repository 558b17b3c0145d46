import type { Request } from 'express';

import type { AuthenticatedUser } from '@onegate/access';

/** A page request: the guard has set `user` when someone is signed in. */
export type WebRequest = Request & { user?: AuthenticatedUser; id?: string | number };

/** Values of a posted form or query: a field sent twice counts once, non-text values are dropped. */
export function textFields(source: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries((source ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[name] = first;
  }
  return fields;
}

/** Every value of a field sent once or several times (checkbox lists). */
export function listField(source: unknown, name: string): string[] {
  const value = ((source ?? {}) as Record<string, unknown>)[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string');
}
