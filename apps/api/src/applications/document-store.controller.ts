import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { DocumentStoreService, StoreDocumentDto } from '@onegate/applications';

import { IdParam } from '../id-param';
import { ApiFileResponse } from '../openapi/api-responses.decorator';

/** The citizen's document store (docs/documents.md, "The citizen's document store"): their own only. */
@ApiTags('applications')
@Controller('api/my/documents')
@Authenticated({ roles: ['citizen'] })
export class DocumentStoreController {
  public constructor(private readonly store: DocumentStoreService) {}

  @ApiOperation({ summary: 'List my stored documents' })
  @ApiExtraModels(StoreDocumentDto)
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', items: { $ref: getSchemaPath(StoreDocumentDto) } } },
    },
  })
  @Get()
  public async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: StoreDocumentDto[] }> {
    return { items: (await this.store.list(user)).map(StoreDocumentDto.from) };
  }

  @ApiOperation({ summary: 'Download a stored document' })
  @ApiFileResponse('The document', 'application/pdf', 'image/jpeg', 'image/png')
  @Get(':id/file')
  public download(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<StreamableFile> {
    return this.store.download(user, id);
  }
}
