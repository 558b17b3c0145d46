import { Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { Authenticated, BodyAfter, CurrentUser, Public } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationOfCaller } from '@onegate/applications';
import {
  notificationParams,
  OnlinePayments,
  PaymentNotices,
  VnpayNotificationQuery,
} from '@onegate/payments';

import { IdParam } from '../id-param';
import { PaymentDto, StartedPaymentDto } from './payment.dto';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  public constructor(
    private readonly payments: OnlinePayments,
    private readonly notices: PaymentNotices,
  ) {}

  /** The applicant starts paying the fee online: a pending payment and the gateway address to send them to. */
  @Post('api/applications/:id/payments')
  @Authenticated({ roles: ['citizen'] })
  @BodyAfter(ApplicationOfCaller)
  public async start(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: Request,
  ): Promise<StartedPaymentDto> {
    const language = request.acceptsLanguages('vi', 'en') === 'en' ? 'en' : 'vi';
    const started = await this.payments.start(user, id, language, request.ip ?? '127.0.0.1');
    return { ...PaymentDto.from(started.payment), redirectUrl: started.redirectUrl };
  }

  /** The application's online payments, the newest first. */
  @Get('api/applications/:id/payments')
  @Authenticated()
  public async list(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<PaymentDto[]> {
    return (await this.payments.list(user, id)).map((payment) => PaymentDto.from(payment));
  }

  /** The gateway's server-to-server notice (IPN): signed, with no session and no CSRF token. */
  @Get('api/payments/vnpay/ipn')
  @Public()
  @HttpCode(HttpStatus.OK)
  public notice(@Query() query: VnpayNotificationQuery, @Req() request: Request): Promise<object> {
    return this.notices.receive(notificationParams(query), request.ip ?? null);
  }
}
