import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';

import { Authenticated, BeforePasswordChange, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { maskNationalId } from '@onegate/domain';

import { AccountService } from '../../identity/account.service';
import { ChangePasswordRequest, UpdateMeRequest } from '../../identity/me.dto';
import type { UserDto } from '../../identity/user.dto';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { accountErrors, confirmationProblems, readAccountForm } from './account-forms';
import { CHANGE_PASSWORD_PAGE } from './account-pages';

const PROFILE_FIELDS = ['fullName', 'email', 'phone'] as const;

/** What the profile page shows: the national ID number masked even to its owner, on screen. */
function profileView(me: UserDto) {
  return {
    ...me,
    nationalId: me.nationalId ? maskNationalId(me.nationalId) : null,
    phone: me.phone?.replace(/^\+84/, '0') ?? '',
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

  private async renderProfile(
    user: AuthenticatedUser,
    request: WebRequest,
    response: Response,
    values: Record<string, string> | null,
    errors: FormErrors | null,
    status = 200,
  ) {
    const me = profileView(await this.account.me(user));
    await this.pages.render(
      request,
      response,
      'account/profile',
      { titleKey: 'account.title', me, values: values ?? me, errors },
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
