import { Body, Controller, Get, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationActionsService,
  ApplicationMessagesService,
  ApplicationOfCaller,
  DraftRemovalService,
  PartyOfThread,
} from '@onegate/applications';
import { OnlinePayments } from '@onegate/payments';

import { RatingService } from '../../reports/rating.service';
import { answerForm, attempt, refusalInWords } from '../core/form-outcome';
import { answerMessageForm, MESSAGE_UPLOADS } from '../core/message-thread';
import { translate } from '../core/messages';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { IdParam } from '../../id-param';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import { readRating } from './my-application.forms';
import { MyApplicationPage } from './my-application.page';
import { payErrors, ratingErrors } from './my-applications.view';
import { WithdrawalPage } from './withdrawal.page';
import { DraftDeletionPage } from './draft-deletion.page';

/** The forms of a citizen's file: pay online, withdraw (after its confirmation page), rate. A refusal keeps its own status. */
@ApiExcludeController()
@Controller('my/applications/:id')
@Authenticated({ roles: ['citizen'] })
export class MyApplicationActionsController {
  public constructor(
    private readonly actions: ApplicationActionsService,
    private readonly ratings: RatingService,
    private readonly payments: OnlinePayments,
    private readonly applicationPage: MyApplicationPage,
    private readonly withdrawalPage: WithdrawalPage,
    private readonly messages: ApplicationMessagesService,
    private readonly deletionPage: DraftDeletionPage,
    private readonly drafts: DraftRemovalService,
  ) {}

  /** A new pending payment of the fee, and off to the gateway (docs/payments.md); the gateway's notice records it. */
  @Post('pay')
  @BodyAfter(ApplicationOfCaller)
  public async pay(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const cannotStart = refusalInWords(() => translate(lang, 'pay.cannotStart'));
    const outcome = await attempt(
      async () =>
        (await this.payments.start(user, id, lang, request.ip ?? '127.0.0.1').catch(cannotStart)).redirectUrl,
      { status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.applicationPage.render(
        user,
        id,
        request,
        response,
        payErrors(lang, failure.problems),
        failure.status,
      ),
    );
  }

  /** Withdrawing cannot be undone, so the file's button leads here first; a file past it goes back to its page. */
  @Get('withdraw')
  public async confirmWithdrawal(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.withdrawalPage.ask(user, id, request, response);
  }

  @Post('withdraw')
  @BodyAfter(ApplicationOfCaller)
  public async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.withdrawalPage.take(user, id, request, response, async () => {
      await this.actions.perform({ kind: 'user', user }, id, { action: 'withdraw' });
      return `/my/applications/${id}?notice=withdrawn`;
    });
  }

  /** A message to the agency, with its files, in the file's thread (docs/messages.md). */
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
      page: `/my/applications/${id}`,
      showAgain: (form, status) => this.applicationPage.render(user, id, request, response, form, status),
    });
  }

  /** Deleting a draft cannot be undone either: its page asks first, or says why it cannot be deleted. */
  @Get('delete')
  public async confirmDeletion(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.deletionPage.ask(user, id, request, response);
  }

  @Post('delete')
  @BodyAfter(ApplicationOfCaller)
  public async deleteDraft(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.deletionPage.take(user, id, request, response, async () => {
      await this.drafts.remove(user, id);
      return '/my/applications?notice=draftDeleted';
    });
  }

  /** Shown once the result is returned, when this build has ratings. */
  @Post('rating')
  @BodyAfter(ApplicationOfCaller)
  public async rate(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const lang = languageOf(request);
    const { rating, problems } = readRating(textFields(body));
    const alreadyRated = refusalInWords(() => translate(lang, 'rating.already'));
    const outcome = await attempt(
      async () => {
        await this.ratings.rate(user, id, rating).catch(alreadyRated);
        return `/my/applications/${id}?notice=rated`;
      },
      { problems, status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.applicationPage.render(
        user,
        id,
        request,
        response,
        ratingErrors(lang, failure.problems),
        failure.status,
      ),
    );
  }
}
