import { Global, Module } from '@nestjs/common';

import { IdempotencyJanitor } from './idempotency-janitor';
import { IdempotencyInterceptor } from './idempotency.interceptor';

@Global()
@Module({ providers: [IdempotencyInterceptor, IdempotencyJanitor], exports: [IdempotencyInterceptor] })
export class IdempotencyModule {}
