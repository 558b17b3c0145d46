import { Global, Module } from '@nestjs/common';

import { Outbox } from './outbox';

/**
 * The outbox alone: it writes to the database only, so a process without queues (the import
 * command) can record actions too; the relay takes the messages to the queues.
 */
@Global()
@Module({ providers: [Outbox], exports: [Outbox] })
export class OutboxModule {}
