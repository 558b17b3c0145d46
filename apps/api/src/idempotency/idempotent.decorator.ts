import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

import { ApiErrors } from '../openapi/api-errors.decorator';
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
    // 409: a request with the key is still being processed; 422: the key was used with another request.
    ApiErrors(409, 422),
  );
