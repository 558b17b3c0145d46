import { Controller, Get, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { DocumentStoreService, StoreDocumentDto } from '@onegate/applications';

import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';
import { IdParam } from '../../id-param';

/**
 * "Kho dữ liệu cá nhân" (docs/documents.md, "The citizen's document store"): the citizen's accepted
 * documents and returned results, each with the file it came from, to open or give again in a new file.
 */
@ApiExcludeController()
@Controller('my/documents')
@Authenticated({ roles: ['citizen'] })
export class DocumentStorePageController {
  public constructor(
    private readonly store: DocumentStoreService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const documents = (await this.store.list(user)).map((document) => ({
      ...StoreDocumentDto.from(document),
      href: `/my/documents/${document.id}/file`,
      result: document.kind === 'result',
    }));
    await this.pages.render(request, response, 'citizen/documents', {
      titleKey: 'documentStore.title',
      documents,
    });
  }

  @Get(':id/file')
  public download(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<StreamableFile> {
    return this.store.download(user, id);
  }
}
