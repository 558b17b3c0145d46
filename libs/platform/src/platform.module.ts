import { Global, Module } from '@nestjs/common';

import { FileStore } from './files/file-store';
import { Clock } from './time/clock';

/**
 * The clock and the file store, one of each per process: a frozen clock or a known directory is seen
 * by every module that uses them.
 */
@Global()
@Module({
  providers: [Clock, FileStore],
  exports: [Clock, FileStore],
})
export class PlatformModule {}
