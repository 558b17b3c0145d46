import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';

import { Authenticated, CurrentUser, Public } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { SessionService } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import type { Role } from '@onegate/domain';
import { AuditEventRepository, UserRepository } from '@onegate/persistence';
import type { User } from '@onegate/persistence';

import { RegisterRequest } from '../../identity/auth.dto';
import { RegistrationService } from '../../identity/registration.service';
import { clearWebSessionCookies, setWebSessionCookies } from '../../identity/web-session.cookies';
import { fieldProblemsOf, formErrors, generalError } from '../core/form-problems';
import type { FieldProblem } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { PublicFormGuard } from '../core/public-form.guard';
import { WebLocalSignInGuard } from './web-local-sign-in.guard';
import { languageOf, localPath } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

const SIGN_UP_FIELDS = ['fullName', 'nationalId', 'email', 'phone', 'password'] as const;

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
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
    private readonly config: AppConfig,
  ) {}

  @Get('sign-in')
  @Public()
  public async signInForm(
    @Query('next') next: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.renderSignIn(request, response, { next: localPath(next, '') });
  }

  @Post('sign-in')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard, PublicFormGuard, WebLocalSignInGuard)
  public async signIn(
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const fields = textFields(body);
    // The local guard replaced any earlier identity with the account it checked, or with null.
    const account = (request as { user?: unknown }).user as User | null | undefined;
    if (!account || !('passwordHash' in account)) {
      const lang = languageOf(request);
      return this.renderSignIn(
        request,
        response,
        {
          next: localPath(fields.next, ''),
          username: fields.username ?? '',
          errors: generalError(translate(lang, 'signIn.refused')),
        },
        HttpStatus.UNAUTHORIZED,
      );
    }
    setWebSessionCookies(response, await this.sessions.start(account, 'web'), this.config);
    response.redirect(HttpStatus.SEE_OTHER, localPath(fields.next, HOME_OF[account.role]));
  }

  @Get('sign-up')
  @Public()
  public async signUpForm(
    @Query('next') next: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.renderSignUp(request, response, { next: localPath(next, '') });
  }

  @Post('sign-up')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard, PublicFormGuard)
  public async signUp(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const fields = textFields(body);
    const lang = languageOf(request);
    const values = Object.fromEntries(SIGN_UP_FIELDS.map((name) => [name, fields[name] ?? '']));
    const next = localPath(fields.next, '');
    const registration = plainToInstance(RegisterRequest, { ...values, language: lang });
    const problems: FieldProblem[] = (await validate(registration)).map((error) => ({
      field: error.property,
      problems: Object.values(error.constraints ?? {}),
    }));
    if (fields.password !== fields.passwordConfirmation) {
      problems.push({ field: 'passwordConfirmation', problems: [translate(lang, 'signUp.passwordsDiffer')] });
    }
    if (problems.length === 0) {
      try {
        const issued = await this.registration.register(registration, request.ip ?? null);
        // Registration opens an API session; the browser gets a web session instead.
        await this.sessions.end(issued.sessionId);
        const account = (await this.users.findByEmail(registration.email))!;
        setWebSessionCookies(response, await this.sessions.start(account, 'web'), this.config);
        return response.redirect(HttpStatus.SEE_OTHER, localPath(fields.next, '/?notice=signedUp'));
      } catch (error) {
        if (error instanceof ConflictException) {
          const errors = generalError(translate(lang, 'signUp.taken'));
          return this.renderSignUp(request, response, { values, next, errors }, HttpStatus.CONFLICT);
        }
        const details = fieldProblemsOf(error);
        if (!details) throw error;
        problems.push(...details);
      }
    }
    const errors = formErrors(
      lang,
      problems,
      (field) => field,
      (id) => translate(lang, `signUp.${id}`),
    );
    await this.renderSignUp(request, response, { values, next, errors }, HttpStatus.BAD_REQUEST);
  }

  @Post('sign-out')
  @Authenticated()
  public async signOut(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.sessions.end(user.sessionId);
    await this.audit.append({
      type: 'signed_out',
      actorId: user.id,
      subjectId: user.id,
      ip: request.ip ?? null,
    });
    clearWebSessionCookies(response, this.config);
    response.redirect(HttpStatus.SEE_OTHER, '/?notice=signedOut');
  }

  private renderSignIn(request: WebRequest, response: Response, data: Record<string, unknown>, status = 200) {
    return this.pages.render(
      request,
      response,
      'public/sign-in',
      { titleKey: 'signIn.title', ...data },
      status,
    );
  }

  private renderSignUp(request: WebRequest, response: Response, data: Record<string, unknown>, status = 200) {
    return this.pages.render(
      request,
      response,
      'public/sign-up',
      { titleKey: 'signUp.title', ...data },
      status,
    );
  }
}
