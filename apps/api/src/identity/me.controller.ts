import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Request } from 'express';

import { Authenticated, BeforePasswordChange, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';

import { AccountService } from './account.service';
import { ChangePasswordRequest, UpdateMeRequest } from './me.dto';
import { UserDto } from './user.dto';

@ApiTags('auth')
@Controller('api/me')
@Authenticated()
export class MeController {
  public constructor(private readonly account: AccountService) {}

  @Get()
  public me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.account.me(user);
  }

  @Patch()
  public update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeRequest): Promise<UserDto> {
    return this.account.update(user, body);
  }

  /** A new verification link for the account's address (rate limited like sign-in). */
  @Post('verification-mail')
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  public resendVerification(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.account.resendVerification(user);
  }

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
