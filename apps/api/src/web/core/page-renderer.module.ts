import { Module } from '@nestjs/common';

import { PageRenderer } from './page-renderer';

/** The one PageRenderer, for the portal's pages and the queue console's refusals. */
@Module({
  providers: [PageRenderer],
  exports: [PageRenderer],
})
export class PageRendererModule {}
