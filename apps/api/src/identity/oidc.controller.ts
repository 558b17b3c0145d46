import { Controller, Get, HttpStatus, Redirect, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request, Response } from 'express';

import { Public } from '@onegate/access';
import { SessionService } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import { User } from '@onegate/persistence';

import { setWebSessionCookies } from './web-session.cookies';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** Citizens sign in through the national identity provider; both routes answer 404 when it is not configured. */
@ApiTags('auth')
@Controller('api/auth/oidc')
@Public()
@UseGuards(ThrottlerGuard, AuthGuard('oidc'))
export class OidcController {
  public constructor(
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'Start signing in with the national identity provider' })
  @ApiErrors(401, 404)
  @Get()
  @ApiFoundResponse({ description: 'Redirects to the national identity provider' })
  public start(): void {
    // The guard has already answered with the redirect to the provider.
  }

  /**
   * Sets the session cookie without the same-origin check of the other sign-in routes: the provider's
   * redirect is a top-level navigation from its own site. The guard's check of `state` against this
   * browser's signed sign-in cookie (and of PKCE and `nonce`) is what keeps another site's sign-in out.
   */
  @ApiOperation({ summary: 'Finish signing in with the national identity provider' })
  @ApiErrors(401, 404, 409)
  @Get('callback')
  @Redirect('/', HttpStatus.FOUND)
  @ApiFoundResponse({ description: 'Signed in: the web session cookies are set; redirects to /' })
  public async callback(
    @Req() request: Request & { user: User },
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const session = await this.sessions.start(request.user, 'web');
    setWebSessionCookies(response, session, this.config);
  }
}
