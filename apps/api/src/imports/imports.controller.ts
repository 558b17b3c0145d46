import { Controller, HttpCode, HttpStatus, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { Authenticated } from '@onegate/access';

import { ImportResultDto } from './import-result.dto';
import { ImportService } from './import.service';

export const NDJSON = 'application/x-ndjson';

/**
 * Historical import. The body is not parsed by the JSON body parser (and so not held by its small
 * limit): it streams through line by line, however large.
 */
@ApiTags('imports')
@Controller('api/admin/imports')
export class ImportsController {
  public constructor(private readonly imports: ImportService) {}

  @Post()
  @Authenticated({ roles: ['admin'] })
  @HttpCode(HttpStatus.OK)
  @ApiConsumes(NDJSON)
  @ApiBody({ description: 'One application a line, with its events (docs/metrics.md, "Historical import")' })
  @ApiOkResponse({ type: ImportResultDto })
  public import(@Req() request: Request): Promise<ImportResultDto> {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== NDJSON) {
      throw new UnsupportedMediaTypeException(`Send the applications as ${NDJSON}, one JSON object a line`);
    }
    return this.imports.importStream(request);
  }
}
