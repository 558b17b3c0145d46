import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

import { IdempotencyInterceptor } from './idempotency.interceptor';

/** The route honours an Idempotency-Key header: a repeated request gets the first answer again. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat a request safely: the same key and body return the first answer (kept 24 hours)',
    }),
  );
