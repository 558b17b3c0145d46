import { BadRequestException } from '@nestjs/common';

/** How long an answer is kept for its key. */
export const KEY_LIFETIME_MS = 24 * 60 * 60_000;

export const invalidKey = () =>
  new BadRequestException({
    message: 'Invalid Idempotency-Key',
    details: [{ field: 'Idempotency-Key', problems: ['must be 1 to 255 visible ASCII characters'] }],
  });
