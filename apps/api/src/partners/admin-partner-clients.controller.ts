import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';

import { PageQuery } from '../catalogue/catalogue.dto';
import { IdParam } from '../id-param';
import { CreatePartnerClientRequest, UpdatePartnerClientRequest } from './partner-client.requests';
import type { PartnerCallPage, PartnerClientDto } from './partner-clients.service';
import { PartnerClientsService } from './partner-clients.service';

/** Partner API clients: registration, secrets, and the audit trail of their calls (docs/partner-clients.md). */
@ApiTags('partners')
@Controller('api/admin/partner-clients')
@Authenticated({ roles: ['admin'] })
export class AdminPartnerClientsController {
  public constructor(private readonly clients: PartnerClientsService) {}

  /** Registers a client; the answer shows its secret, this once. */
  @Post()
  public create(
    @Body() body: CreatePartnerClientRequest,
  ): Promise<PartnerClientDto & { clientSecret: string }> {
    return this.clients.create(body);
  }

  @Get()
  public list(): Promise<PartnerClientDto[]> {
    return this.clients.list();
  }

  @Get(':id')
  public get(@IdParam() id: string): Promise<PartnerClientDto> {
    return this.clients.get(id);
  }

  @Patch(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  public update(@IdParam() id: string, @Body() body: UpdatePartnerClientRequest): Promise<PartnerClientDto> {
    return this.clients.update(id, body);
  }

  @Delete(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.NO_CONTENT)
  public async remove(@IdParam() id: string): Promise<void> {
    await this.clients.remove(id);
  }

  /** A new secret, shown this once; the previous one is still accepted for the overlap. */
  @Post(':id/rotate-secret')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.OK)
  public rotate(
    @IdParam() id: string,
  ): Promise<{ clientSecret: string; previousSecretUntil: string | null }> {
    return this.clients.rotateSecret(id);
  }

  /** The client's calls, newest first: route, method, answer and time. */
  @Get(':id/calls')
  public calls(@IdParam() id: string, @Query() query: PageQuery): Promise<PartnerCallPage> {
    return this.clients.calls(id, query.page, query.pageSize);
  }
}
