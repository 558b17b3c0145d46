import { Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  public constructor(
    private readonly payments: OnlinePayments,
    private readonly notices: PaymentNotices,
  ) {}

  /** The applicant starts paying the fee online: a pending payment and the gateway address to send them to. */
  @ApiOperation({ summary: 'Start paying a file’s fee online' })
  @ApiCreatedResponse({ type: StartedPaymentDto })
  @ApiErrors(409, 422, 503)
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
  @ApiOperation({ summary: 'List a file’s payments' })
  @ApiOkResponse({ type: [PaymentDto] })
  @Get('api/applications/:id/payments')
  @Authenticated()
  public async list(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<PaymentDto[]> {
    return (await this.payments.list(user, id)).map((payment) => PaymentDto.from(payment));
  }

  /** The gateway's server-to-server notice (IPN): signed, with no session and no CSRF token. */
  @ApiOperation({ summary: 'Receive the payment gateway’s notice (VNPAY IPN)' })
  @ApiOkResponse({
    description: 'The answer VNPAY expects',
    schema: {
      type: 'object',
      required: ['RspCode', 'Message'],
      properties: {
        RspCode: { type: 'string', example: '00' },
        Message: { type: 'string', example: 'Confirm Success' },
      },
    },
  })
  @Get('api/payments/vnpay/ipn')
  @Public()
  @HttpCode(HttpStatus.OK)
  public notice(@Query() query: VnpayNotificationQuery, @Req() request: Request): Promise<object> {
    return this.notices.receive(notificationParams(query), request.ip ?? null);
  }
}
