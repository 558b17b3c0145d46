import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';

import { IdParam } from '../../id-param';
import { CreatePartnerClientRequest } from '../../partners/partner-client.requests';
import { PartnerClientsService } from '../../partners/partner-clients.service';
import { attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import type { PartnerClientFormValues } from './partner-client.form';
import { partnerClientRequestOf, partnerClientValues } from './partner-client.form';
import { partnerClientErrors, partnerClientsView, partnerClientView } from './partner-clients-page.view';

const CALLS_SHOWN = 50;

/** Administrators' partner client pages (docs/partner-clients.md): the clients, a new one, one's calls. */
@ApiExcludeController()
@Controller('admin/partner-clients')
@Authenticated({ roles: ['admin'] })
export class PartnerClientsPageController {
  public constructor(
    private readonly clients: PartnerClientsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(@Req() request: WebRequest, @Res() response: Response) {
    await this.renderList(request, response, null, null);
  }

  /** Registers a client and shows its page with the secret, this once (so no redirect). */
  @Post()
  public async create(@Body() body: unknown, @Req() request: WebRequest, @Res() response: Response) {
    const values = partnerClientValues(body);
    const { value, problems } = await validateFields(
      CreatePartnerClientRequest,
      partnerClientRequestOf(values),
    );
    let created: { id: string; clientSecret: string } | null = null;
    const outcome = await attempt(
      async () => {
        created = await this.clients.create(value);
        return '';
      },
      { problems },
    );
    if ('failure' in outcome) {
      const errors = partnerClientErrors(languageOf(request), outcome.failure.problems);
      return this.renderList(request, response, values, errors, outcome.failure.status);
    }
    const { id, clientSecret } = created!;
    await this.renderOne(request, response, id, clientSecret, 201);
  }

  @Get(':id')
  public async show(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    await this.renderOne(request, response, id, null);
  }

  /** Enables a disabled client, or disables an enabled one. */
  @Post(':id/enabled')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async toggle(@IdParam() id: string, @Res() response: Response) {
    const client = await this.clients.get(id);
    await this.clients.update(id, { enabled: !client.enabled });
    response.redirect(303, `/admin/partner-clients/${id}?notice=partnerClientSaved`);
  }

  /** A new secret, shown on the page this once. */
  @Post(':id/rotate-secret')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async rotate(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    const { clientSecret } = await this.clients.rotateSecret(id);
    await this.renderOne(request, response, id, clientSecret);
  }

  private async renderList(
    request: WebRequest,
    response: Response,
    values: PartnerClientFormValues | null,
    errors: FormErrors | null,
    status = 200,
  ) {
    const view = partnerClientsView(languageOf(request), await this.clients.list(), values, errors);
    await this.pages.render(request, response, 'admin/partner-clients', view, status);
  }

  private async renderOne(
    request: WebRequest,
    response: Response,
    id: string,
    secret: string | null,
    status = 200,
  ) {
    const client = await this.clients.get(id);
    const calls = await this.clients.calls(id, 1, CALLS_SHOWN);
    const view = partnerClientView(languageOf(request), client, calls, secret);
    await this.pages.render(request, response, 'admin/partner-client', view, status);
  }
}
