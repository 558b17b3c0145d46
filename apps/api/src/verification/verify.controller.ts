import { createReadStream } from 'node:fs';

import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

import { Public } from '@onegate/access';
import { ResultVerificationDto, ResultVerificationService, UploadVerificationDto } from '@onegate/documents';

import { StreamedUploads } from '../uploads/streamed-uploads';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** A signed result is a few dozen kilobytes; this leaves room for any PDF someone wants checked. */
export const MAX_CHECKED_BYTES = 10 * 1024 * 1024;

/** Anyone may check a signed result: by its code (the QR link), or by uploading the PDF they hold. */
@ApiTags('verification')
@Controller('api/verify')
@Public()
@UseGuards(ThrottlerGuard)
export class VerifyController {
  public constructor(private readonly verification: ResultVerificationService) {}

  @ApiOperation({ summary: 'Verify a result by its verification code' })
  @ApiOkResponse({ type: ResultVerificationDto })
  @Get(':code')
  public byCode(@Param('code') code: string): Promise<ResultVerificationDto> {
    return this.verification.byCode(code);
  }

  /** Genuine means byte for byte the PDF OneGate signed and stored: any change, one byte, says no. */
  @ApiOperation({ summary: 'Verify an uploaded result PDF' })
  @ApiOkResponse({ type: UploadVerificationDto })
  @ApiErrors(413, 415)
  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    StreamedUploads({ field: 'file', files: 1, fileBytes: MAX_CHECKED_BYTES, fields: 0, fieldBytes: 0 }),
  )
  public byContent(@UploadedFile() file: Express.Multer.File | undefined): Promise<UploadVerificationDto> {
    if (!file || file.size === 0) {
      throw new BadRequestException({
        message: 'Invalid file',
        details: [{ field: 'file', problems: ['a PDF is required in the "file" part'] }],
      });
    }
    return this.verification.byContent(createReadStream(file.path));
  }
}
