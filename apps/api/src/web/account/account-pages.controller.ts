import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';

import { Authenticated, BeforePasswordChange, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { maskNationalId } from '@onegate/domain';

import { AccountService } from '../../identity/account.service';
import { PhoneRefusal, PhoneVerificationService } from '../../identity/phone-verification.service';
import { ChangePasswordRequest, UpdateMeRequest } from '../../identity/me.dto';
import type { UserDto } from '../../identity/user.dto';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { listField, textFields } from '../core/web-request';
import { translate } from '../core/messages';
import type { FieldProblem } from '../core/form-problems';
import { accountErrors, confirmationProblems, readAccountForm } from './account-forms';
import { CHANGE_PASSWORD_PAGE } from './account-pages';

const PROFILE_FIELDS = ['fullName', 'email', 'phone'] as const;

/** What the profile page shows: the national ID number masked even to its owner, on screen. */
function profileView(me: UserDto) {
  return {
    ...me,
    nationalId: me.nationalId ? maskNationalId(me.nationalId) : null,
    phone: me.phone?.replace(/^\+84/, '0') ?? '',
    chosen: Object.fromEntries(me.channels.map((channel) => [channel, true])),
  };
}

/** The signed-in person's own account: the profile and the password (docs/portal.md). */
@ApiExcludeController()
@Controller('account')
@Authenticated()
export class AccountPagesController {
  public constructor(
    private readonly pages: PageRenderer,
    private readonly account: AccountService,
    private readonly phones: PhoneVerificationService,
  ) {}

  @Get()
  public async profile(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.renderProfile(user, request, response, null, null);
  }

  /** Name and phone change at once; a new e-mail address once the link mailed to it is opened. */
  @Post()
  @HttpCode(HttpStatus.OK)
  public async update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const fields = textFields(body);
    const values = Object.fromEntries(PROFILE_FIELDS.map((name) => [name, fields[name] ?? '']));
    const { request: changes, problems } = await readAccountForm(UpdateMeRequest, values);
    const outcome = await attempt(
      async () => {
        const after = await this.account.update(user, changes);
        return `/account?notice=${after.pendingEmail ? 'emailChangeSent' : 'profileSaved'}`;
      },
      { problems, status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.renderProfile(
        user,
        request,
        response,
        values,
        accountErrors(languageOf(request), failure.problems),
        failure.status,
      ),
    );
  }

  @Post('verification-mail')
  @UseGuards(ThrottlerGuard)
  public async resendVerification(@CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    await this.account.resendVerification(user).catch(() => undefined);
    response.redirect(HttpStatus.SEE_OTHER, '/account?notice=verificationSent');
  }

  /** Sends a one-time code by SMS to the account's phone number (docs/text-messages.md). */
  @Post('phone/code')
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  public async requestPhoneCode(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.phoneStep(user, request, response, null, async () => {
      await this.phones.requestCode(user);
      return '/account?notice=phoneCodeSent#phone-code';
    });
  }

  /** The code typed: the phone number becomes verified; a wrong, expired or spent code is said so. */
  @Post('phone/confirm')
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  public async confirmPhone(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const code = (textFields(body).code ?? '').replace(/\s+/g, '');
    await this.phoneStep(user, request, response, code, async () => {
      if (!/^\d{6}$/.test(code)) throw new PhoneRefusal('wrongCode');
      await this.phones.confirm(user, code);
      return '/account?notice=phoneVerified';
    });
  }

  /** The channels notices go out on: e-mail, SMS, Zalo (the last two only with a verified number). */
  @Post('channels')
  @HttpCode(HttpStatus.OK)
  public async chooseChannels(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    // The tick boxes arrive as a list; the API's own checks read it.
    const values = { channels: listField(body, 'channels') } as unknown as Record<string, string>;
    const { request: changes, problems } = await readAccountForm(UpdateMeRequest, values);
    const outcome = await attempt(
      async () => {
        await this.account.update(user, changes);
        return '/account?notice=channelsSaved#channels';
      },
      { problems, status: 'refusal' },
    );
    const lang = languageOf(request);
    // One plain sentence in the reader's language, whatever the check that refused the choice.
    const inWords = (problem: FieldProblem) =>
      problem.field === 'channels'
        ? { field: 'channels', problems: [translate(lang, 'account.channelsRefused')] }
        : problem;
    await answerForm(response, outcome, (failure) =>
      this.renderProfile(
        user,
        request,
        response,
        null,
        accountErrors(lang, failure.problems.map(inWords)),
        failure.status,
      ),
    );
  }

  @Get('password')
  @BeforePasswordChange()
  public async passwordForm(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.renderPassword(user, request, response, null);
  }

  /** The other sessions of the account end; this one stays signed in. */
  @Post('password')
  @BeforePasswordChange()
  @HttpCode(HttpStatus.OK)
  public async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const fields = textFields(body);
    const lang = languageOf(request);
    const { request: change, problems } = await readAccountForm(ChangePasswordRequest, {
      currentPassword: fields.currentPassword ?? '',
      newPassword: fields.newPassword ?? '',
    });
    problems.push(...confirmationProblems(lang, fields.newPassword, fields.passwordConfirmation));
    const outcome = await attempt(
      async () => {
        await this.account.changePassword(user, change, request.ip ?? null);
        return '/account?notice=passwordChanged';
      },
      { problems, status: 'refusal' },
    );
    await answerForm(response, outcome, (failure) =>
      this.renderPassword(user, request, response, accountErrors(lang, failure.problems), failure.status),
    );
  }

  /** A phone verification step: on to `next`, or the profile again saying, in words, why not. */
  private async phoneStep(
    user: AuthenticatedUser,
    request: WebRequest,
    response: Response,
    code: string | null,
    next: () => Promise<string>,
  ) {
    const lang = languageOf(request);
    try {
      response.redirect(HttpStatus.SEE_OTHER, await next());
    } catch (error) {
      if (!(error instanceof PhoneRefusal)) throw error;
      const words = translate(lang, `account.phoneRefusal.${error.reason}`, {
        tries: error.triesLeft ?? 0,
      });
      const problems: FieldProblem[] = [
        { field: error.field === 'code' ? 'code' : 'phoneCode', problems: [words] },
      ];
      await this.renderProfile(
        user,
        request,
        response,
        null,
        accountErrors(lang, problems),
        error.getStatus(),
        code,
      );
    }
  }

  private async renderProfile(
    user: AuthenticatedUser,
    request: WebRequest,
    response: Response,
    values: Record<string, string> | null,
    errors: FormErrors | null,
    status = 200,
    code: string | null = null,
  ) {
    const me = profileView(await this.account.me(user));
    await this.pages.render(
      request,
      response,
      'account/profile',
      { titleKey: 'account.title', me, values: values ?? me, errors, code },
      status,
    );
  }

  private renderPassword(
    user: AuthenticatedUser,
    request: WebRequest,
    response: Response,
    errors: FormErrors | null,
    status = 200,
  ) {
    return this.pages.render(
      request,
      response,
      'account/password',
      {
        titleKey: 'account.passwordTitle',
        mustChange: user.passwordChangeDue,
        errors,
        action: CHANGE_PASSWORD_PAGE,
      },
      status,
    );
  }
}
