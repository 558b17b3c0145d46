import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WebhookDeliveryPage,
  WebhookSubscriptionDto,
  WebhookSubscriptions,
} from '@onegate/webhooks';

import { PageQuery } from '../catalogue/catalogue.dto';
import { IdParam } from '../id-param';
import { ApiCreatedWithSecret, REDELIVERED, SECRET_ROTATION } from '../openapi/api-responses.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** Webhook subscriptions, their deliveries, redelivery and a test ping (docs/webhooks.md). */
@ApiTags('webhooks')
@Controller('api/admin/webhooks')
@Authenticated({ roles: ['admin'] })
export class AdminWebhooksController {
  public constructor(private readonly webhooks: WebhookSubscriptions) {}

  /** Registers a subscription; the answer shows its secret, this once. */
  @ApiOperation({ summary: 'Subscribe a webhook' })
  @ApiCreatedWithSecret(WebhookSubscriptionDto, 'secret', 'The subscription with its secret, shown this once')
  @Post()
  public create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateWebhookRequest,
  ): Promise<WebhookSubscriptionDto & { secret: string }> {
    return this.webhooks.create(user.id, body);
  }

  @ApiOperation({ summary: 'List webhook subscriptions' })
  @ApiOkResponse({ description: 'Every subscription', type: [WebhookSubscriptionDto] })
  @Get()
  public list(): Promise<WebhookSubscriptionDto[]> {
    return this.webhooks.list();
  }

  @ApiOperation({ summary: 'Read a webhook subscription' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @Get(':id')
  public get(@IdParam() id: string): Promise<WebhookSubscriptionDto> {
    return this.webhooks.get(id);
  }

  @ApiOperation({ summary: 'Change a webhook subscription' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @Patch(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  public update(@IdParam() id: string, @Body() body: UpdateWebhookRequest): Promise<WebhookSubscriptionDto> {
    return this.webhooks.update(id, body);
  }

  @ApiOperation({ summary: 'Remove a webhook subscription' })
  @ApiNoContentResponse({ description: 'Removed' })
  @Delete(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.NO_CONTENT)
  public async remove(@IdParam() id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** A new secret, shown this once; the previous one keeps signing beside it for the overlap. */
  @ApiOperation({ summary: 'Give a webhook subscription a new secret' })
  @ApiOkResponse({ schema: SECRET_ROTATION('secret') })
  @Post(':id/rotate-secret')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.OK)
  public rotate(@IdParam() id: string): Promise<{ secret: string; previousSecretUntil: string | null }> {
    return this.webhooks.rotateSecret(id);
  }

  /** The subscription's deliveries, newest first, each with its tries. */
  @ApiOperation({ summary: 'List a subscription’s deliveries' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @Get(':id/deliveries')
  public deliveries(@IdParam() id: string, @Query() query: PageQuery): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(id, query.page, query.pageSize);
  }

  @ApiOperation({ summary: 'Deliver one delivery again' })
  @ApiAcceptedResponse({ schema: REDELIVERED })
  @ApiErrors(409)
  @Post(':id/deliveries/:deliveryId/redeliver')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.ACCEPTED)
  public redeliver(
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ): Promise<{ redelivered: number }> {
    return this.webhooks.redeliver(id, deliveryId);
  }

  /** Every delivery given up, tried again from now. */
  @ApiOperation({ summary: 'Deliver every failed delivery again' })
  @ApiAcceptedResponse({ schema: REDELIVERED })
  @Post(':id/redeliver-failed')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.ACCEPTED)
  public redeliverFailed(@IdParam() id: string): Promise<{ redelivered: number }> {
    return this.webhooks.redeliverFailed(id);
  }

  @ApiOperation({ summary: 'Send a test delivery' })
  @ApiAcceptedResponse({
    schema: {
      type: 'object',
      required: ['deliveryId'],
      properties: { deliveryId: { type: 'string', format: 'uuid' } },
    },
  })
  @ApiErrors(409)
  @Post(':id/ping')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.ACCEPTED)
  public ping(@IdParam() id: string): Promise<{ deliveryId: string }> {
    return this.webhooks.ping(id);
  }
}
