import { Body, Controller, Get, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationActionsService,
  ApplicationMessagesService,
  ApplicationReachedByCaller,
  ApplicationReadingService,
  PartyOfThread,
  TRANSFER_DOCUMENT_LIMITS,
} from '@onegate/applications';

import { answerForm, attempt } from '../core/form-outcome';
import { answerMessageForm, MESSAGE_UPLOADS } from '../core/message-thread';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import { actionErrors, checkActionForm } from './action-forms';
import { StaffFilePage } from './staff-file.page';
import { receivedFiles } from '../../uploads/received-files';
import { uploadProblems } from '../core/upload-problems';

/**
 * An action form; the forward of a transferred step's agency is multipart, with the documents it returns
 * (docs/applications.md, "Transfers"). One file more than it takes is read, so that the refusal names them.
 */
const ACTION_UPLOADS = {
  files: TRANSFER_DOCUMENT_LIMITS.files + 1,
  fileBytes: TRANSFER_DOCUMENT_LIMITS.fileBytes + 1,
  fields: 30,
  fieldBytes: 8 * 1024,
  limitsAsFormProblem: true,
};

/** A file as staff see it: answers, documents, timeline, and a small form for each action allowed now. */
@ApiExcludeController()
@Controller('staff/applications/:id')
@Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
export class StaffApplicationController {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly actions: ApplicationActionsService,
    private readonly messages: ApplicationMessagesService,
    private readonly page: StaffFilePage,
  ) {}

  /** `preview` names one of the file's documents, shown in the page (docs/portal.md, "The file page"). */
  @Get()
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Query('preview') preview: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const previewed = typeof preview === 'string' ? preview : null;
    await this.page.render(user, id, request, response, { preview: previewed });
  }

  @Post('actions')
  @BodyAfter(ApplicationReachedByCaller)
  @UseInterceptors(StreamedUploads(ACTION_UPLOADS))
  public async act(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest & UploadProblem & { files?: Express.Multer.File[] },
    @Res() response: Response,
  ): Promise<void> {
    const { posted, action, request: actionRequest, problems } = await checkActionForm(body);
    const documents = receivedFiles(request.files);
    const outcome = await attempt(
      async () => {
        const outcome = await this.actions.perform({ kind: 'user', user }, id, actionRequest, documents);
        // A transfer forwarded back, or a consultation answered from outside, leaves the agency's reach.
        if (await this.reading.sees(user, outcome.application))
          return `/staff/applications/${id}?notice=acted`;
        return action === 'answer_consultation'
          ? '/staff/queue?notice=answered'
          : '/staff/queue?notice=acted';
      },
      { problems: [...problems, ...uploadProblems(request, 'documents')] },
    );
    await answerForm(response, outcome, async (failure) => {
      const errors = actionErrors(languageOf(request), action, failure.problems);
      const failed = { action, errors, values: posted };
      await this.page.render(user, id, request, response, { failed, status: failure.status });
    });
  }

  /** A message to the applicant, with its files, in the file's thread (docs/messages.md). */
  @Post('messages')
  @BodyAfter(PartyOfThread)
  @UseInterceptors(StreamedUploads(MESSAGE_UPLOADS))
  public async message(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest & UploadProblem & { files?: Express.Multer.File[] },
    @Res() response: Response,
  ): Promise<void> {
    await answerMessageForm({
      messages: this.messages,
      user,
      applicationId: id,
      body,
      request,
      response,
      page: `/staff/applications/${id}`,
      showAgain: (form, status) => this.page.render(user, id, request, response, { status, form }),
    });
  }
}
