import { Body, Controller, Delete, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request, Response } from 'express';

import { Authenticated, BeforePasswordChange, CurrentUser, Public } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { SessionService } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import { User } from '@onegate/persistence';

import { LoginRequest, RefreshRequest, RegisterRequest, TokenResponse, WebSessionResponse } from './auth.dto';
import { AccountLinksService } from './account-links.service';
import { LocalSignInGuard } from './local-sign-in.guard';
import { ForgotPasswordRequest, LinkTokenRequest, ResetPasswordRequest } from './me.dto';
import { RegistrationService } from './registration.service';
import { clearWebSessionCookies, setWebSessionCookies } from './web-session.cookies';
import { WebSessionRequestGuard } from './web-session-request.guard';
import { ApiErrors } from '../openapi/api-errors.decorator';

const toTokens = ({ accessToken, refreshToken, expiresIn }: TokenResponse): TokenResponse => ({
  accessToken,
  refreshToken,
  expiresIn,
});

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  public constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
    private readonly links: AccountLinksService,
  ) {}

  @ApiOperation({ summary: 'Register a citizen account' })
  @ApiCreatedResponse({ type: TokenResponse })
  @ApiErrors(409)
  @Post('register')
  @Public()
  @UseGuards(ThrottlerGuard)
  public async register(@Body() body: RegisterRequest, @Req() request: Request): Promise<TokenResponse> {
    return toTokens(await this.registration.register(body, request.ip ?? null));
  }

  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiErrors(401)
  @ApiOkResponse({ type: TokenResponse })
  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard, LocalSignInGuard)
  public async login(
    @Body() _body: LoginRequest,
    @Req() request: Request & { user: User },
  ): Promise<TokenResponse> {
    return toTokens(await this.sessions.start(request.user, 'api'));
  }

  @ApiOperation({ summary: 'Exchange a refresh token for new tokens' })
  @ApiErrors(401)
  @ApiOkResponse({ type: TokenResponse })
  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  public async refresh(@Body() body: RefreshRequest, @Req() request: Request): Promise<TokenResponse> {
    return toTokens(await this.sessions.refresh(body.refreshToken, request.ip ?? null));
  }

  /** Opening the mailed link verifies the address; it signs nobody in. */
  @ApiOperation({ summary: 'Verify the e-mail address with a mailed link' })
  @ApiNoContentResponse({ description: 'Verified' })
  @Post('verify-email')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(ThrottlerGuard)
  public verifyEmail(@Body() body: LinkTokenRequest, @Req() request: Request): Promise<void> {
    return this.links.verifyEmail(body.token, request.ip ?? null);
  }

  /** The same answer, as fast, whether or not an account has this address. */
  @ApiOperation({ summary: 'Ask for a password reset link' })
  @ApiAcceptedResponse({ description: 'A link is mailed if the address has an account' })
  @Post('forgot-password')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseGuards(ThrottlerGuard)
  public forgotPassword(@Body() body: ForgotPasswordRequest, @Req() request: Request): void {
    this.links.requestPasswordReset(body.email, request.ip ?? null);
  }

  @ApiOperation({ summary: 'Set a new password with a mailed link' })
  @ApiNoContentResponse({ description: 'The password is set' })
  @Post('reset-password')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(ThrottlerGuard)
  public resetPassword(@Body() body: ResetPasswordRequest, @Req() request: Request): Promise<void> {
    return this.links.resetPassword(body.token, body.password, request.ip ?? null);
  }

  @ApiOperation({ summary: 'Sign out: revoke the refresh tokens' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @Post('logout')
  @Authenticated()
  @BeforePasswordChange()
  @HttpCode(HttpStatus.NO_CONTENT)
  public async logout(@CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<void> {
    await this.sessions.signOut(user, request.ip ?? null);
  }

  /** Web sign-in: the same check, answered with the session cookies instead of tokens. */
  @ApiOperation({ summary: 'Open a web session (cookies) with e-mail and password' })
  @ApiOkResponse({ type: WebSessionResponse })
  @ApiErrors(401, 403)
  @Post('session')
  @Public()
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard, WebSessionRequestGuard, LocalSignInGuard)
  public async openWebSession(
    @Body() _body: LoginRequest,
    @Req() request: Request & { user: User },
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebSessionResponse> {
    const session = await this.sessions.start(request.user, 'web');
    return { csrfToken: setWebSessionCookies(response, session, this.config), expiresIn: session.expiresIn };
  }

  @ApiOperation({ summary: 'Close the web session' })
  @ApiNoContentResponse({ description: 'The session cookies are cleared' })
  @Delete('session')
  @Authenticated()
  @BeforePasswordChange()
  @HttpCode(HttpStatus.NO_CONTENT)
  public async closeWebSession(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.signOut(user, request.ip ?? null);
    clearWebSessionCookies(response, this.config);
  }
}
