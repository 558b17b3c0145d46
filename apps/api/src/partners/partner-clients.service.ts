import { randomUUID } from 'node:crypto';

import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

import { newPartnerSecret, partnerSecretHash } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import { PARTNER_SCOPES } from '@onegate/domain';
import type { PartnerScope } from '@onegate/domain';
import { AgencyRepository, AuditEventRepository, PartnerClientRepository } from '@onegate/persistence';
import type { PartnerClient } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import type { CreatePartnerClientRequest, UpdatePartnerClientRequest } from './partner-client.requests';

/** A partner client as administrators see it: never its secret, nor its hash. */
export class PartnerClientDto {
  @ApiProperty() public id!: string;
  /** The `client_id` it asks for tokens with (its id). */
  @ApiProperty() public clientId!: string;
  @ApiProperty() public name!: string;
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true }) public scopes!: PartnerScope[];
  /** Agency codes it may see, each with every agency below it. */
  @ApiProperty({ type: [String] }) public agencies!: string[];
  @ApiProperty() public enabled!: boolean;
  @ApiProperty({ nullable: true, type: String }) public disabledAt!: string | null;
  /** Until when the secret before the last rotation is still accepted. */
  @ApiProperty({ nullable: true, type: String }) public previousSecretUntil!: string | null;
  @ApiProperty() public createdAt!: string;
  @ApiProperty() public updatedAt!: string;
}

export class PartnerCallDto {
  @ApiProperty() public at!: string;
  @ApiProperty() public method!: string;
  @ApiProperty() public route!: string;
  @ApiProperty() public path!: string;
  @ApiProperty() public status!: number;
}

export class PartnerCallPage {
  @ApiProperty({ type: [PartnerCallDto] }) public items!: PartnerCallDto[];
  @ApiProperty() public total!: number;
  @ApiProperty() public page!: number;
  @ApiProperty() public pageSize!: number;
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

/** Administrators' side of partner clients: registration, secrets, and each client's calls (docs/partner-clients.md). */
@Injectable()
export class PartnerClientsService {
  public constructor(
    private readonly clients: PartnerClientRepository,
    private readonly agencies: AgencyRepository,
    private readonly audit: AuditEventRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Registers a client; its secret is in this answer only. */
  public async create(
    request: CreatePartnerClientRequest,
  ): Promise<PartnerClientDto & { clientSecret: string }> {
    const now = this.clock.now();
    const secret = newPartnerSecret();
    const client: PartnerClient = {
      id: randomUUID(),
      name: request.name.trim(),
      scopes: [...new Set(request.scopes)],
      agencyIds: await this.agencyIdsOf(request.agencies),
      secretHash: partnerSecretHash(secret),
      previousSecretHash: null,
      previousSecretUntil: null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.clients.save(client);
    return { ...(await this.viewOf(client)), clientSecret: secret };
  }

  public async list(): Promise<PartnerClientDto[]> {
    const codes = await this.agencies.codesById();
    return (await this.clients.all()).map((client) => this.dtoOf(client, codes));
  }

  public async get(id: string): Promise<PartnerClientDto> {
    return this.viewOf(await this.existing(id));
  }

  public async update(id: string, request: UpdatePartnerClientRequest): Promise<PartnerClientDto> {
    const client = await this.existing(id);
    if (request.name !== undefined) client.name = request.name.trim();
    if (request.scopes !== undefined) client.scopes = [...new Set(request.scopes)];
    if (request.agencies !== undefined) client.agencyIds = await this.agencyIdsOf(request.agencies);
    if (request.enabled === true) client.disabledAt = null;
    else if (request.enabled === false && !client.disabledAt) client.disabledAt = this.clock.now();
    client.updatedAt = this.clock.now();
    await this.clients.save(client);
    return this.viewOf(client);
  }

  /** A new secret, shown once; the old one is still accepted for PARTNER_SECRET_OVERLAP_HOURS. */
  public async rotateSecret(
    id: string,
  ): Promise<{ clientSecret: string; previousSecretUntil: string | null }> {
    const client = await this.existing(id);
    const now = this.clock.now();
    const overlap = this.config.partners.secretOverlapMs;
    const secret = newPartnerSecret();
    client.previousSecretHash = overlap > 0 ? client.secretHash : null;
    client.previousSecretUntil = overlap > 0 ? new Date(now.getTime() + overlap) : null;
    client.secretHash = partnerSecretHash(secret);
    client.updatedAt = now;
    await this.clients.save(client);
    return { clientSecret: secret, previousSecretUntil: iso(client.previousSecretUntil) };
  }

  /** Removes the client: its tokens stop working at once; its calls stay in the audit log. */
  public async remove(id: string): Promise<void> {
    await this.existing(id);
    await this.clients.remove(id);
  }

  /** The client's calls, newest first, from the audit log. */
  public async calls(id: string, page: number, pageSize: number): Promise<PartnerCallPage> {
    await this.existing(id);
    const found = await this.audit.search({ type: 'partner_call', userId: id, page, pageSize });
    return {
      items: found.items.map((event) => {
        const details = event.details as { method: string; route: string; path: string; status: number };
        return {
          at: event.at.toISOString(),
          method: details.method,
          route: details.route,
          path: details.path,
          status: details.status,
        };
      }),
      total: found.total,
      page,
      pageSize,
    };
  }

  private async existing(id: string): Promise<PartnerClient> {
    const client = await this.clients.findById(id);
    if (!client) throw new NotFoundException('No such partner client');
    return client;
  }

  private async agencyIdsOf(codes: string[]): Promise<string[]> {
    const byCode = new Map(
      [...(await this.agencies.codesById())].map(([agencyId, code]) => [code, agencyId]),
    );
    const unknown = codes.map((code) => code.trim()).filter((code) => !byCode.has(code));
    if (unknown.length > 0)
      throw new BadRequestException({
        message: `There is no agency ${unknown.join(', ')}`,
        details: [{ field: 'agencies', problems: unknown.map((code) => `there is no agency ${code}`) }],
      });
    return [...new Set(codes.map((code) => byCode.get(code.trim())!))];
  }

  private async viewOf(client: PartnerClient): Promise<PartnerClientDto> {
    return this.dtoOf(client, await this.agencies.codesById());
  }

  private dtoOf(client: PartnerClient, codes: Map<string, string>): PartnerClientDto {
    return {
      id: client.id,
      clientId: client.id,
      name: client.name,
      scopes: client.scopes,
      agencies: client.agencyIds.map((agencyId) => codes.get(agencyId) ?? agencyId),
      enabled: client.disabledAt === null,
      disabledAt: iso(client.disabledAt),
      previousSecretUntil:
        client.previousSecretUntil && client.previousSecretUntil > this.clock.now()
          ? client.previousSecretUntil.toISOString()
          : null,
      createdAt: client.createdAt.toISOString(),
      updatedAt: client.updatedAt.toISOString(),
    };
  }
}
