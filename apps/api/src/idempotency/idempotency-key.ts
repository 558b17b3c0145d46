import { createHash } from 'node:crypto';

import { BadRequestException } from '@nestjs/common';

/** How long an answer is kept for its key. */
export const KEY_LIFETIME_MS = 24 * 60 * 60_000;

export const invalidKey = () =>
  new BadRequestException({
    message: 'Invalid Idempotency-Key',
    details: [{ field: 'Idempotency-Key', problems: ['must be 1 to 255 visible ASCII characters'] }],
  });

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The record a key is kept under: one caller's key on one route never meets another's. */
export function idempotencyRecordId(
  key: string,
  caller: { userId: string | undefined; method: string; path: string },
): string {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidKey();
  return sha256([caller.userId ?? 'anonymous', caller.method, caller.path, key].join('\n'));
}
