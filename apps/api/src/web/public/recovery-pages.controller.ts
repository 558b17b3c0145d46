import { Body, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';

import { AccountLinksService } from '../../identity/account-links.service';
import { ForgotPasswordRequest, ResetPasswordRequest } from '../../identity/me.dto';
import { accountErrors, confirmationProblems, readAccountForm } from '../account/account-forms';
import { answerForm, attempt } from '../core/form-outcome';
import { PageRenderer } from '../core/page-renderer';
import { PublicFormPost } from '../core/public-form.guard';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

const tokenOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 128) : '');

/**
 * The pages a mailed link opens, and the form that mails a password-reset link. Each form is protected
 * like sign-up (PublicFormGuard) and rate limited; the link's token travels in the form, and only the
 * form's post spends it, so a mail scanner opening the link changes nothing (docs/identity.md).
 */
@ApiExcludeController()
@Controller()
export class RecoveryPagesController {
  public constructor(
    private readonly pages: PageRenderer,
    private readonly links: AccountLinksService,
  ) {}

  @Get('forgot-password')
  @Public()
  public async forgotForm(@Req() request: WebRequest, @Res() response: Response) {
    await this.render(request, response, 'public/forgot-password', { titleKey: 'recovery.forgotTitle' });
  }

  /** The same page follows whether or not an account has the address. */
  @PublicFormPost('forgot-password')
  public async forgot(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const values = { email: textFields(body).email ?? '' };
    const { request: asked, problems } = await readAccountForm(ForgotPasswordRequest, values);
    const outcome = await attempt(
      () => {
        this.links.requestPasswordReset(asked.email, request.ip ?? null);
        return Promise.resolve('/sign-in?notice=resetMailSent');
      },
      { problems },
    );
    await answerForm(response, outcome, (failure) =>
      this.render(
        request,
        response,
        'public/forgot-password',
        {
          titleKey: 'recovery.forgotTitle',
          values,
          errors: accountErrors(languageOf(request), failure.problems),
        },
        failure.status,
      ),
    );
  }

  @Get('reset-password')
  @Public()
  public async resetForm(
    @Query('token') token: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.render(request, response, 'public/reset-password', {
      titleKey: 'recovery.resetTitle',
      token: tokenOf(token),
    });
  }

  @PublicFormPost('reset-password')
  public async reset(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const fields = textFields(body);
    const lang = languageOf(request);
    const { request: reset, problems } = await readAccountForm(ResetPasswordRequest, {
      token: tokenOf(fields.token),
      password: fields.password ?? '',
    });
    problems.push(...confirmationProblems(lang, fields.password, fields.passwordConfirmation));
    const outcome = await attempt(
      async () => {
        await this.links.resetPassword(reset.token, reset.password, request.ip ?? null);
        return '/sign-in?notice=passwordReset';
      },
      { problems, status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.render(
        request,
        response,
        'public/reset-password',
        {
          titleKey: 'recovery.resetTitle',
          token: reset.token,
          errors: accountErrors(lang, failure.problems),
        },
        failure.status,
      ),
    );
  }

  @Get('verify-email')
  @Public()
  public async verifyForm(
    @Query('token') token: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.render(request, response, 'public/verify-email', {
      titleKey: 'recovery.verifyTitle',
      token: tokenOf(token),
    });
  }

  /** Verifies the address and nothing more: whoever opened the link is not signed in by it. */
  @PublicFormPost('verify-email')
  public async verify(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const token = tokenOf(textFields(body).token);
    const outcome = await attempt(
      async () => {
        await this.links.verifyEmail(token, request.ip ?? null);
        return '/verify-email?notice=emailVerified';
      },
      { status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.render(
        request,
        response,
        'public/verify-email',
        {
          titleKey: 'recovery.verifyTitle',
          token,
          errors: accountErrors(languageOf(request), failure.problems),
        },
        failure.status,
      ),
    );
  }

  private render(request: WebRequest, response: Response, view: string, data: object, status = 200) {
    return this.pages.render(request, response, view, { ...data }, status);
  }
}
