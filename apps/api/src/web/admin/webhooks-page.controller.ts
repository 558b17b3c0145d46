import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { CreateWebhookRequest, WebhookSubscriptions } from '@onegate/webhooks';

import { IdParam } from '../../id-param';
import { attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import type { WebhookFormValues } from './webhook.form';
import { webhookRequestOf, webhookValues } from './webhook.form';
import { webhookErrors, webhooksView, webhookView } from './webhooks-page.view';

const DELIVERIES_SHOWN = 50;

/** Administrators' webhook pages (docs/webhooks.md): the subscriptions, a new one, one's deliveries. */
@ApiExcludeController()
@Controller('admin/webhooks')
@Authenticated({ roles: ['admin'] })
export class WebhooksPageController {
  public constructor(
    private readonly webhooks: WebhookSubscriptions,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(@Req() request: WebRequest, @Res() response: Response) {
    await this.renderList(request, response, null, null);
  }

  /** Registers a subscription and shows its page with the secret, this once (so no redirect). */
  @Post()
  public async create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const values = webhookValues(body);
    const { value, problems } = await validateFields(CreateWebhookRequest, webhookRequestOf(values));
    let created: { id: string; secret: string } | null = null;
    const outcome = await attempt(
      async () => {
        created = await this.webhooks.create(admin.id, value);
        return '';
      },
      { problems },
    );
    if ('failure' in outcome) {
      const errors = webhookErrors(languageOf(request), outcome.failure.problems);
      return this.renderList(request, response, values, errors, outcome.failure.status);
    }
    const { id, secret } = created!;
    await this.renderOne(request, response, id, secret, 201);
  }

  @Get(':id')
  public async show(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    await this.renderOne(request, response, id, null);
  }

  @Post(':id/ping')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async ping(@IdParam() id: string, @Res() response: Response) {
    await this.webhooks.ping(id);
    response.redirect(303, `/admin/webhooks/${id}?notice=webhookPinged`);
  }

  @Post(':id/redeliver-failed')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async redeliverFailed(@IdParam() id: string, @Res() response: Response) {
    await this.webhooks.redeliverFailed(id);
    response.redirect(303, `/admin/webhooks/${id}?notice=webhookRedelivered`);
  }

  /** Enables a disabled subscription, or disables an enabled one. */
  @Post(':id/enabled')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async toggle(@IdParam() id: string, @Res() response: Response) {
    const subscription = await this.webhooks.get(id);
    await this.webhooks.update(id, { enabled: !subscription.enabled });
    response.redirect(303, `/admin/webhooks/${id}?notice=webhookSaved`);
  }

  /** A new secret, shown on the page this once. */
  @Post(':id/rotate-secret')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async rotate(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    const { secret } = await this.webhooks.rotateSecret(id);
    await this.renderOne(request, response, id, secret);
  }

  private async renderList(
    request: WebRequest,
    response: Response,
    values: WebhookFormValues | null,
    errors: FormErrors | null,
    status = 200,
  ) {
    const view = webhooksView(languageOf(request), await this.webhooks.list(), values, errors);
    await this.pages.render(request, response, 'admin/webhooks', view, status);
  }

  private async renderOne(
    request: WebRequest,
    response: Response,
    id: string,
    secret: string | null,
    status = 200,
  ) {
    const subscription = await this.webhooks.get(id);
    const deliveries = await this.webhooks.deliveries(id, 1, DELIVERIES_SHOWN);
    const view = webhookView(languageOf(request), subscription, deliveries, secret);
    await this.pages.render(request, response, 'admin/webhook', view, status);
  }
}
