import { Controller, HttpCode, HttpStatus, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { Authenticated } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { StreamedIdempotency } from '../idempotency/streamed-idempotency';

import { ImportResultDto } from './import-result.dto';
import { ImportService } from './import.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

export const NDJSON = 'application/x-ndjson';

/**
 * Historical import. The body is not parsed by the JSON body parser (and so not held by its small
 * limit): it streams through line by line, however large.
 */
@ApiTags('imports')
@Controller('api/admin/imports')
export class ImportsController {
  public constructor(
    private readonly imports: ImportService,
    private readonly idempotency: StreamedIdempotency,
  ) {}

  @ApiOperation({ summary: 'Import historical files (NDJSON)' })
  @ApiErrors(409, 413, 415, 422)
  @Post()
  @Authenticated({ roles: ['admin'] })
  @HttpCode(HttpStatus.OK)
  @ApiConsumes(NDJSON)
  @ApiBody({ description: 'One application a line, with its events (docs/metrics.md, "Historical import")' })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat an import safely: the same key and body return the first answer (kept 24 hours)',
  })
  public import(@Req() request: Request & { user?: AuthenticatedUser }): Promise<ImportResultDto> {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== NDJSON) {
      throw new UnsupportedMediaTypeException(`Send the applications as ${NDJSON}, one JSON object a line`);
    }
    return this.idempotency.run(request, (body) => this.imports.importStream(body));
  }
}
