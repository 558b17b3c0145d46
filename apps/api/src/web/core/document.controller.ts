import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AttachmentService } from '@onegate/applications';
import { IdParam } from '../../id-param';

/** Opens an uploaded document in the browser (PDF or image, as sniffed on upload) for whoever may see it. */
@ApiExcludeController()
@Controller('applications/:id/documents')
@Authenticated()
export class DocumentController {
  public constructor(private readonly attachments: AttachmentService) {}

  @Get(':attachmentId')
  public async open(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
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
