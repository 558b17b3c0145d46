import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ResultDownloadService } from '@onegate/applications';

import { IdParam } from '../id-param';
import { ApiFileResponse } from '../openapi/api-responses.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The signed result PDF: for its owner once returned online, for staff in scope once signed; 404 otherwise. */
@ApiTags('applications')
@Controller('api/applications/:id/result')
export class ApplicationResultController {
  public constructor(private readonly downloads: ResultDownloadService) {}

  @ApiOperation({ summary: 'Download the result of a decided file' })
  @ApiFileResponse('The signed result', 'application/pdf')
  @ApiErrors(409)
  @Get()
  @Authenticated()
  @ApiProduces('application/pdf')
  public download(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<StreamableFile> {
    return this.downloads.download(user, id);
  }
}
