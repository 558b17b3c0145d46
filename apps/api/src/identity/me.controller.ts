import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request } from 'express';

import { Authenticated, BeforePasswordChange, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { AccountService } from './account.service';
import { ChangePasswordRequest, UpdateMeRequest } from './me.dto';
import { UserDto } from './user.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('auth')
@Controller('api/me')
@Authenticated()
export class MeController {
  public constructor(private readonly account: AccountService) {}

  @ApiOperation({ summary: 'Read the signed-in account' })
  @ApiOkResponse({ type: UserDto })
  @Get()
  public me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.account.me(user);
  }

  @ApiOperation({ summary: 'Change the signed-in account' })
  @ApiOkResponse({ type: UserDto })
  @Patch()
  public update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeRequest): Promise<UserDto> {
    return this.account.update(user, body);
  }

  /** A new verification link for the account's address (rate limited like sign-in). */
  @ApiOperation({ summary: 'Send the e-mail verification link again' })
  @ApiAcceptedResponse({ description: 'A new link is on its way' })
  @ApiErrors(409)
  @Post('verification-mail')
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  public resendVerification(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.account.resendVerification(user);
  }

  @ApiOperation({ summary: 'Change the password' })
  @ApiNoContentResponse({ description: 'Changed; other sessions are signed out' })
  @Post('password')
  @BeforePasswordChange()
  @HttpCode(HttpStatus.NO_CONTENT)
  public changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordRequest,
    @Req() request: Request,
  ): Promise<void> {
    return this.account.changePassword(user, body, request.ip ?? null);
  }
}
