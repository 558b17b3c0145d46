import { Global, Module } from '@nestjs/common';

import { IdempotencyJanitor } from './idempotency-janitor';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { StreamedIdempotency } from './streamed-idempotency';

@Global()
@Module({
  providers: [IdempotencyInterceptor, StreamedIdempotency, IdempotencyJanitor],
  exports: [IdempotencyInterceptor, StreamedIdempotency],
})
export class IdempotencyModule {}
