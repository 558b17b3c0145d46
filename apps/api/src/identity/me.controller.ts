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
import { ChangePasswordRequest, ConfirmPhoneRequest, UpdateMeRequest } from './me.dto';
import { PhoneVerificationService } from './phone-verification.service';
import { UserDto } from './user.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('auth')
@Controller('api/me')
@Authenticated()
export class MeController {
  public constructor(
    private readonly account: AccountService,
    private readonly phones: PhoneVerificationService,
  ) {}

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

  /**
   * Sends a six-digit code by SMS to the account's phone number (docs/text-messages.md): 202 with when
   * it expires; 429 past the hourly limits, 503 when the text could not be sent.
   */
  @ApiOperation({ summary: 'Send a one-time code by SMS to the account’s phone number' })
  @ApiAcceptedResponse({
    description: 'The code is on its way',
    schema: {
      type: 'object',
      required: ['expiresAt'],
      properties: {
        expiresAt: { type: 'string', format: 'date-time', description: 'When the code expires' },
      },
    },
  })
  @ApiErrors(409, 429, 503)
  @Post('phone/code')
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  public requestPhoneCode(@CurrentUser() user: AuthenticatedUser): Promise<{ expiresAt: Date }> {
    return this.phones.requestCode(user);
  }

  /** The code sent: the phone number becomes verified. Wrong, expired or spent codes answer 400 naming `code`. */
  @ApiOperation({ summary: 'Confirm the phone number with the code sent to it' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(409, 429)
  @Post('phone/confirm')
  @UseGuards(ThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  public async confirmPhone(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ConfirmPhoneRequest,
  ): Promise<UserDto> {
    await this.phones.confirm(user, body.code);
    return this.account.me(user);
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
