import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AttachmentService } from '@onegate/applications';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

/** Opens an uploaded document in the browser (PDF or image, as sniffed on upload) for whoever may see it. */
@ApiExcludeController()
@Controller('applications/:id/documents')
@Authenticated()
export class DocumentController {
  public constructor(private readonly attachments: AttachmentService) {}

  @Get(':attachmentId')
  public async open(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(user, id, attachmentId);
    const headers = file.getHeaders();
    const disposition = typeof headers.disposition === 'string' ? headers.disposition : undefined;
    return new StreamableFile(file.getStream(), {
      type: headers.type,
      length: headers.length,
      disposition: disposition?.replace(/^attachment/, 'inline'),
    });
  }
}
