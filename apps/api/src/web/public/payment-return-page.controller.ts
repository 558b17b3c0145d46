import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '@onegate/access';
import { notificationParams, OnlinePayments, VnpayNotificationQuery } from '@onegate/payments';

import { PageRenderer } from '../core/page-renderer';
import type { WebRequest } from '../core/web-request';

/**
 * Where the gateway sends the citizen's browser back: the outcome in plain words, and nothing changed
 * (only the gateway's own notice records a payment, docs/payments.md). Its parameters are signed and
 * carry no personal data.
 */
@ApiExcludeController()
@Controller('payments/return')
@Public()
export class PaymentReturnPageController {
  public constructor(
    private readonly payments: OnlinePayments,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async show(
    @Query() query: VnpayNotificationQuery,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const { outcome, applicationId } = await this.payments.returned(notificationParams(query));
    const payAgain = outcome === 'failed' || outcome === 'cancelled';
    const view = { titleKey: 'paymentReturn.title', outcome, applicationId, payAgain };
    await this.pages.render(request, response, 'public/payment-return', view);
  }
}
