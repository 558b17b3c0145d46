import { Global, Module } from '@nestjs/common';

import { IdempotencyClaims } from './idempotency-claims';
import { IdempotencyJanitor } from './idempotency-janitor';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { StreamedIdempotency } from './streamed-idempotency';

@Global()
@Module({
  providers: [IdempotencyClaims, IdempotencyInterceptor, StreamedIdempotency, IdempotencyJanitor],
  exports: [IdempotencyClaims, IdempotencyInterceptor, StreamedIdempotency],
})
export class IdempotencyModule {}
