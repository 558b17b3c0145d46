import { Body, Controller, Get, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicantOfApplication,
  AttachmentDto,
  AttachmentService,
  MAX_UPLOAD_BYTES,
} from '@onegate/applications';
import { IdParam } from '../id-param';
import { StreamedUploads } from '../uploads/streamed-uploads';
import { ApiFileResponse } from '../openapi/api-responses.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';

export class UploadFields {
  @IsOptional()
  @IsString()
  @MaxLength(255)
  public documentName?: string;
}

/** A document of the citizen's store given again for one of the file's documents (docs/documents.md, "Reuse"). */
export class ReuseFields {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  public documentName!: string;

  @IsUUID()
  public storeDocumentId!: string;
}

@ApiTags('applications')
@Controller('api/applications/:id/attachments')
export class AttachmentsController {
  public constructor(private readonly attachments: AttachmentService) {}

  @ApiOperation({ summary: 'Attach a document to a draft' })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiErrors(409, 413, 415, 422)
  @Post()
  @BodyAfter(ApplicantOfApplication)
  @Authenticated({ roles: ['citizen'] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, documentName: { type: 'string' } },
    },
  })
  // Only the applicant's upload is read; a file over the largest limit is cut off while it streams in.
  @UseInterceptors(
    StreamedUploads({
      field: 'file',
      files: 1,
      fileBytes: MAX_UPLOAD_BYTES + 1,
      fields: 5,
      fieldBytes: 1024,
    }),
  )
  public async upload(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() fields: UploadFields,
  ): Promise<AttachmentDto> {
    const attachment = await this.attachments.upload(
      user,
      id,
      file && {
        originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        path: file.path,
        sizeBytes: file.size,
        documentName: fields.documentName,
      },
    );
    return AttachmentDto.from(attachment);
  }

  @ApiOperation({ summary: 'Attach a document from my document store' })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiErrors(409, 422)
  @Post('reuse')
  @BodyAfter(ApplicantOfApplication)
  @Authenticated({ roles: ['citizen'] })
  public async reuse(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() fields: ReuseFields,
  ): Promise<AttachmentDto> {
    const attachment = await this.attachments.reuse(user, id, fields.documentName, fields.storeDocumentId);
    return AttachmentDto.from(attachment);
  }

  @ApiOperation({ summary: 'Download an attachment' })
  @ApiFileResponse('The attached document', 'application/pdf', 'image/jpeg', 'image/png')
  @Get(':attachmentId')
  @Authenticated()
  public download(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
  ): Promise<StreamableFile> {
    return this.attachments.download(user, id, attachmentId);
  }
}
