import { Body, Controller, Get, Post, Req, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationMessageDto,
  ApplicationMessagesService,
  MESSAGE_LIMITS,
  PartyOfThread,
} from '@onegate/applications';

import { IdParam } from '../id-param';
import { StreamedUploads } from '../uploads/streamed-uploads';
import { receivedFiles } from '../uploads/received-files';
import { ApiErrors } from '../openapi/api-errors.decorator';

export class MessageFields {
  /** Its length is checked by the service, which names the limit (docs/messages.md). */
  @IsOptional()
  @IsString()
  public body?: string;
}

/** A file's thread between its applicant and the agency (docs/messages.md). */
@ApiTags('applications')
@Controller('api/applications/:id/messages')
export class MessagesController {
  public constructor(private readonly messages: ApplicationMessagesService) {}

  /** The thread, oldest first. */
  @ApiOperation({ summary: 'List a file’s messages' })
  @ApiOkResponse({ type: [ApplicationMessageDto] })
  @Get()
  @Authenticated()
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
  ): Promise<ApplicationMessageDto[]> {
    return (await this.messages.thread(user, id)).map(ApplicationMessageDto.from);
  }

  /** A message, as JSON `{body}` or multipart with `body` and up to three files (any part name). */
  @ApiOperation({ summary: 'Send a message on a file' })
  @ApiCreatedResponse({ type: ApplicationMessageDto })
  @ApiErrors(409, 413, 415, 422)
  @Post()
  @BodyAfter(PartyOfThread)
  @Authenticated()
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        body: { type: 'string', maxLength: MESSAGE_LIMITS.characters },
        files: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @UseInterceptors(
    StreamedUploads({
      files: MESSAGE_LIMITS.files,
      fileBytes: MESSAGE_LIMITS.fileBytes + 1,
      fields: 5,
      fieldBytes: 4 * MESSAGE_LIMITS.characters,
    }),
  )
  public async post(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() fields: MessageFields,
    @Req() request: { files?: Express.Multer.File[] },
  ): Promise<ApplicationMessageDto> {
    return ApplicationMessageDto.from(
      await this.messages.post(user, id, fields.body, receivedFiles(request.files)),
    );
  }
}
