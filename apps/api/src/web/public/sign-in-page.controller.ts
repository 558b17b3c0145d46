import { Body, Controller, Get, HttpStatus, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BeforePasswordChange, CurrentUser, Public } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { SessionService } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import type { Role } from '@onegate/domain';
import type { User } from '@onegate/persistence';

import { RegistrationService } from '../../identity/registration.service';
import { clearWebSessionCookies, setWebSessionCookies } from '../../identity/web-session.cookies';
import { answerForm, attempt } from '../core/form-outcome';
import { CHANGE_PASSWORD_PAGE } from '../account/account-pages';
import { generalError } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { PublicFormPost } from '../core/public-form.guard';
import { languageOf, localPath } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { ApplicationFormSaving } from '../citizen/application-form.saving';
import { formApplicationOf, keptAnswersOf } from '../citizen/kept-answers';
import { readSignUp, signUpErrors, takenInWords } from './sign-up.form';
import { WebLocalSignInGuard } from './web-local-sign-in.guard';

/** Where each role starts after signing in, unless it came from a page it wanted. */
const HOME_OF: Record<Role, string> = {
  citizen: '/my/applications',
  clerk: '/staff/queue',
  supervisor: '/supervisor/dashboard',
  admin: '/admin/procedures',
};

@ApiExcludeController()
@Controller()
export class SignInPageController {
  public constructor(
    private readonly pages: PageRenderer,
    private readonly sessions: SessionService,
    private readonly registration: RegistrationService,
    private readonly config: AppConfig,
    private readonly saving: ApplicationFormSaving,
  ) {}

  @Get('sign-in')
  @Public()
  public async signInForm(
    @Query('next') next: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.render(request, response, 'public/sign-in', { next: localPath(next, '') });
  }

  @PublicFormPost('sign-in', WebLocalSignInGuard)
  public async signIn(
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const fields = textFields(body);
    // The local guard replaced any earlier identity with the account it checked, or with null.
    const account = (request as { user?: unknown }).user as User | null | undefined;
    if (!account || !('passwordHash' in account)) {
      const errors = generalError(translate(languageOf(request), 'signIn.refused'));
      const data = { next: localPath(fields.next, ''), username: fields.username ?? '', errors };
      return this.render(request, response, 'public/sign-in', data, HttpStatus.UNAUTHORIZED);
    }
    const session = await this.sessions.start(account, 'web');
    setWebSessionCookies(response, session, this.config);
    if (account.passwordChangeDue) return response.redirect(HttpStatus.SEE_OTHER, CHANGE_PASSWORD_PAGE);
    const home = HOME_OF[account.role];
    response.redirect(HttpStatus.SEE_OTHER, await this.afterSignIn(account, session.sessionId, fields, home));
  }

  /**
   * Where a sign-in leads: the page it came from, and for an application form posted after its
   * session ended (docs/portal.md, "Drafts"), its answers carried back are saved first. Someone
   * else's form keeps nothing and leads home; answers the form refuses are not kept.
   */
  private async afterSignIn(account: User, sessionId: string, fields: Record<string, string>, home: string) {
    const next = localPath(fields.next, home);
    const id = formApplicationOf(next);
    const kept = keptAnswersOf(fields);
    if (!id || Object.keys(kept).length === 0) return next;
    const user = {
      id: account.id,
      role: account.role,
      agencyId: account.agencyId,
      sessionId,
      emailVerified: account.emailVerifiedAt !== null,
      passwordChangeDue: false,
    };
    return this.saving.saveAnswers({ ...user, via: 'cookie', channel: 'web' }, id, kept, true).then(
      () => `${next}?notice=answersKept`,
      (refusal: unknown) => (refusal instanceof NotFoundException ? home : next),
    );
  }

  @Get('sign-up')
  @Public()
  public async signUpForm(
    @Query('next') next: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.render(request, response, 'public/sign-up', { next: localPath(next, '') });
  }

  @PublicFormPost('sign-up')
  public async signUp(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const fields = textFields(body);
    const lang = languageOf(request);
    const { values, registration, problems } = await readSignUp(fields, lang);
    const outcome = await attempt(
      async () => {
        const session = await this.registration
          .register(registration, request.ip ?? null, 'web')
          .catch(takenInWords(lang));
        setWebSessionCookies(response, session, this.config);
        return localPath(fields.next, '/?notice=signedUp');
      },
      { problems, status: 'refusal' },
    );
    await answerForm(response, outcome, ({ problems: found, status }) => {
      const data = { values, next: localPath(fields.next, ''), errors: signUpErrors(lang, found) };
      return this.render(request, response, 'public/sign-up', data, status);
    });
  }

  @Post('sign-out')
  @Authenticated()
  @BeforePasswordChange()
  public async signOut(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.sessions.signOut(user, request.ip ?? null);
    clearWebSessionCookies(response, this.config);
    response.redirect(HttpStatus.SEE_OTHER, '/?notice=signedOut');
  }

  private render(request: WebRequest, response: Response, view: string, data: object, status = 200) {
    const titleKey = view === 'public/sign-in' ? 'signIn.title' : 'signUp.title';
    return this.pages.render(request, response, view, { titleKey, ...data }, status);
  }
}
