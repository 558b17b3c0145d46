import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated, BodyAfter, ROLE_IS_ENOUGH } from '@onegate/access';

import { PageQuery } from '../catalogue/catalogue.dto';
import { IdParam } from '../id-param';
import { CreatePartnerClientRequest, UpdatePartnerClientRequest } from './partner-client.requests';
import { PartnerCallPage, PartnerClientDto, PartnerClientsService } from './partner-clients.service';
import { ApiCreatedWithSecret, SECRET_ROTATION } from '../openapi/api-responses.decorator';

/** Partner API clients: registration, secrets, and the audit trail of their calls (docs/partner-clients.md). */
@ApiTags('partners')
@Controller('api/admin/partner-clients')
@Authenticated({ roles: ['admin'] })
export class AdminPartnerClientsController {
  public constructor(private readonly clients: PartnerClientsService) {}

  /** Registers a client; the answer shows its secret, this once. */
  @ApiOperation({ summary: 'Register a partner client' })
  @ApiCreatedWithSecret(PartnerClientDto, 'clientSecret', 'The client with its secret, shown this once')
  @Post()
  public create(
    @Body() body: CreatePartnerClientRequest,
  ): Promise<PartnerClientDto & { clientSecret: string }> {
    return this.clients.create(body);
  }

  @ApiOperation({ summary: 'List partner clients' })
  @ApiOkResponse({ description: 'Every client, newest first', type: [PartnerClientDto] })
  @Get()
  public list(): Promise<PartnerClientDto[]> {
    return this.clients.list();
  }

  @ApiOperation({ summary: 'Read a partner client' })
  @ApiOkResponse({ type: PartnerClientDto })
  @Get(':id')
  public get(@IdParam() id: string): Promise<PartnerClientDto> {
    return this.clients.get(id);
  }

  @ApiOperation({ summary: 'Change, disable or enable a partner client' })
  @ApiOkResponse({ type: PartnerClientDto })
  @Patch(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  public update(@IdParam() id: string, @Body() body: UpdatePartnerClientRequest): Promise<PartnerClientDto> {
    return this.clients.update(id, body);
  }

  @ApiOperation({ summary: 'Remove a partner client' })
  @ApiNoContentResponse({ description: 'Removed; its calls stay in the audit log' })
  @Delete(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.NO_CONTENT)
  public async remove(@IdParam() id: string): Promise<void> {
    await this.clients.remove(id);
  }

  /** A new secret, shown this once; the previous one is still accepted for the overlap. */
  @ApiOperation({ summary: 'Give a partner client a new secret' })
  @ApiOkResponse({ schema: SECRET_ROTATION('clientSecret') })
  @Post(':id/rotate-secret')
  @BodyAfter(ROLE_IS_ENOUGH)
  @HttpCode(HttpStatus.OK)
  public rotate(
    @IdParam() id: string,
  ): Promise<{ clientSecret: string; previousSecretUntil: string | null }> {
    return this.clients.rotateSecret(id);
  }

  /** The client's calls, newest first: route, method, answer and time. */
  @ApiOperation({ summary: 'List a partner client’s calls' })
  @ApiOkResponse({ type: PartnerCallPage })
  @Get(':id/calls')
  public calls(@IdParam() id: string, @Query() query: PageQuery): Promise<PartnerCallPage> {
    return this.clients.calls(id, query.page, query.pageSize);
  }
}
