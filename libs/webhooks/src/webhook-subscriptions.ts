import { randomUUID } from 'node:crypto';

import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

import { AppConfig } from '@onegate/config';
import { Outbox } from '@onegate/jobs';
import { AgencyRepository, TransactionRunner, WebhookRepository } from '@onegate/persistence';
import type { WebhookAttempt, WebhookDelivery, WebhookSubscription } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { RefusedTarget, vetTarget } from './target-guard';
import { deliveryJob, newDelivery } from './webhook-delivery';
import { PING_EVENT_TYPE } from './webhook-events';
import { pingBody } from './webhook-payload';
import type { CreateWebhookRequest, UpdateWebhookRequest } from './webhook.requests';
import { newWebhookSecret } from './webhook-signature';

/** A subscription as administrators see it: never its secrets. */
export class WebhookSubscriptionDto {
  @ApiProperty() public id!: string;
  @ApiProperty() public url!: string;
  @ApiProperty({ nullable: true, type: String }) public description!: string | null;
  @ApiProperty({ type: [String] }) public events!: string[];
  /** Agency codes in scope; empty: every agency. */
  @ApiProperty({ type: [String] }) public agencies!: string[];
  @ApiProperty() public personalData!: boolean;
  @ApiProperty() public ordered!: boolean;
  @ApiProperty() public enabled!: boolean;
  @ApiProperty({ nullable: true, type: String }) public disabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public disabledReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) public failingSince!: string | null;
  /** Until when the secret before the last rotation still signs beside the current one. */
  @ApiProperty({ nullable: true, type: String }) public previousSecretUntil!: string | null;
  @ApiProperty() public createdAt!: string;
  @ApiProperty() public updatedAt!: string;
}

export class WebhookAttemptDto {
  @ApiProperty() public attempt!: number;
  @ApiProperty() public at!: string;
  @ApiProperty({ nullable: true, type: Number }) public status!: number | null;
  @ApiProperty({ nullable: true, type: String }) public error!: string | null;
  @ApiProperty() public durationMs!: number;
}

export class WebhookDeliveryDto {
  @ApiProperty() public id!: string;
  /** The `webhook-id` header of each of its requests. */
  @ApiProperty() public webhookId!: string;
  @ApiProperty() public eventType!: string;
  @ApiProperty({ nullable: true, type: String }) public applicationId!: string | null;
  @ApiProperty() public state!: string;
  @ApiProperty() public attempts!: number;
  @ApiProperty({ nullable: true, type: Number }) public lastStatus!: number | null;
  @ApiProperty({ nullable: true, type: String }) public lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) public nextAttemptAt!: string | null;
  @ApiProperty() public createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) public deliveredAt!: string | null;
  /** The request's body, exactly as sent. */
  @ApiProperty() public body!: string;
  @ApiProperty({ type: [WebhookAttemptDto] }) public tries!: WebhookAttemptDto[];
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryDto] }) public items!: WebhookDeliveryDto[];
  @ApiProperty() public page!: number;
  @ApiProperty() public pageSize!: number;
  @ApiProperty() public total!: number;
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

/** Administrators' side of webhooks: subscriptions, their secrets, history, redelivery and ping (docs/webhooks.md). */
@Injectable()
export class WebhookSubscriptions {
  public constructor(
    private readonly webhooks: WebhookRepository,
    private readonly agencies: AgencyRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Registers a subscription; its secret is shown in this answer only. */
  public async create(
    ownerId: string,
    request: CreateWebhookRequest,
  ): Promise<WebhookSubscriptionDto & { secret: string }> {
    const url = await this.checkedUrl(request.url);
    const now = this.clock.now();
    const subscription: WebhookSubscription = {
      id: randomUUID(),
      url,
      description: request.description?.trim() || null,
      eventTypes: [...new Set(request.events)],
      agencyIds: await this.agencyIdsOf(request.agencies ?? []),
      personalData: request.personalData ?? false,
      ordered: request.ordered ?? false,
      secret: newWebhookSecret(),
      previousSecret: null,
      previousSecretUntil: null,
      ownerId,
      failingSince: null,
      disabledAt: null,
      disabledReason: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.webhooks.saveSubscription(subscription);
    return { ...(await this.viewOf(subscription)), secret: subscription.secret };
  }

  public async list(): Promise<WebhookSubscriptionDto[]> {
    const codes = await this.agencies.codesById();
    return (await this.webhooks.allSubscriptions()).map((subscription) => this.dtoOf(subscription, codes));
  }

  public async get(id: string): Promise<WebhookSubscriptionDto> {
    return this.viewOf(await this.existing(id));
  }

  public async update(id: string, request: UpdateWebhookRequest): Promise<WebhookSubscriptionDto> {
    const subscription = await this.existing(id);
    if (request.url !== undefined) subscription.url = await this.checkedUrl(request.url);
    if (request.description !== undefined) subscription.description = request.description.trim() || null;
    if (request.events !== undefined) subscription.eventTypes = [...new Set(request.events)];
    if (request.agencies !== undefined) subscription.agencyIds = await this.agencyIdsOf(request.agencies);
    if (request.personalData !== undefined) subscription.personalData = request.personalData;
    if (request.ordered !== undefined) subscription.ordered = request.ordered;
    if (request.enabled === true) {
      subscription.disabledAt = null;
      subscription.disabledReason = null;
      subscription.failingSince = null;
    } else if (request.enabled === false && !subscription.disabledAt) {
      subscription.disabledAt = this.clock.now();
      subscription.disabledReason = 'administrator';
    }
    subscription.updatedAt = this.clock.now();
    await this.webhooks.saveSubscription(subscription);
    return this.viewOf(subscription);
  }

  /** A new secret, shown once; the old one keeps signing beside it for WEBHOOK_SECRET_OVERLAP_HOURS. */
  public async rotateSecret(id: string): Promise<{ secret: string; previousSecretUntil: string | null }> {
    const subscription = await this.existing(id);
    const now = this.clock.now();
    const overlap = this.config.webhooks.secretOverlapMs;
    subscription.previousSecret = overlap > 0 ? subscription.secret : null;
    subscription.previousSecretUntil = overlap > 0 ? new Date(now.getTime() + overlap) : null;
    subscription.secret = newWebhookSecret();
    subscription.updatedAt = now;
    await this.webhooks.saveSubscription(subscription);
    return { secret: subscription.secret, previousSecretUntil: iso(subscription.previousSecretUntil) };
  }

  public async remove(id: string): Promise<void> {
    await this.existing(id);
    await this.transactions.run((manager) => this.webhooks.deleteSubscription(manager, id));
  }

  public async deliveries(id: string, page: number, pageSize: number): Promise<WebhookDeliveryPage> {
    await this.existing(id);
    const [deliveries, total] = await this.webhooks.deliveriesOf(id, (page - 1) * pageSize, pageSize);
    const attempts = await this.webhooks.attemptsOf(deliveries.map((delivery) => delivery.id));
    return { items: deliveries.map((delivery) => deliveryDto(delivery, attempts)), page, pageSize, total };
  }

  /** Tries one delivery again, from now, whatever became of it; its history stays. */
  public async redeliver(id: string, deliveryId: string): Promise<{ redelivered: number }> {
    await this.existing(id);
    const delivery = await this.webhooks.findDelivery(deliveryId);
    if (!delivery || delivery.subscriptionId !== id) throw new NotFoundException('No such delivery');
    return this.again([delivery]);
  }

  /** Tries every delivery given up again, from now. */
  public async redeliverFailed(id: string): Promise<{ redelivered: number }> {
    await this.existing(id);
    return this.again(await this.webhooks.failedOf(id));
  }

  /** Sends the receiver a signed `webhook.ping`, with its own history like any delivery. */
  public async ping(id: string): Promise<{ deliveryId: string }> {
    const subscription = await this.existing(id);
    const now = this.clock.now();
    const deliveryId = randomUUID();
    await this.transactions.run(async (manager) => {
      await this.webhooks.addDeliveries(manager, [
        newDelivery(
          {
            id: deliveryId,
            subscriptionId: subscription.id,
            eventKey: `ping:${deliveryId}`,
            eventType: PING_EVENT_TYPE,
            applicationId: null,
            sequence: null,
            payload: pingBody(subscription.id, now),
          },
          now,
        ),
      ]);
      await this.outbox.add(manager, [deliveryJob(deliveryId, '1')]);
    });
    return { deliveryId };
  }

  private async again(deliveries: WebhookDelivery[]): Promise<{ redelivered: number }> {
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      for (const delivery of deliveries) {
        // A delivery sent again is retried for as long as a new one.
        await this.webhooks.updateDelivery(manager, delivery.id, {
          state: 'pending',
          nextAttemptAt: now,
          retryFrom: now,
          deliveredAt: null,
        });
        await this.outbox.add(manager, [deliveryJob(delivery.id, `again|${now.getTime()}`)]);
      }
    });
    return { redelivered: deliveries.length };
  }

  private async existing(id: string): Promise<WebhookSubscription> {
    const subscription = await this.webhooks.findSubscription(id);
    if (!subscription) throw new NotFoundException('No such webhook subscription');
    return subscription;
  }

  private async checkedUrl(text: string): Promise<string> {
    try {
      return (await vetTarget(text.trim(), this.config.webhooks.allowedHosts)).toString();
    } catch (error) {
      if (!(error instanceof RefusedTarget)) throw error;
      throw new BadRequestException({
        message: `This URL cannot receive webhooks: ${error.message}`,
        details: [{ field: 'url', problems: [error.message] }],
      });
    }
  }

  private async agencyIdsOf(codes: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const code of new Set(codes.map((text) => text.trim()))) {
      const agency = await this.agencies.findByCode(code);
      if (!agency)
        throw new BadRequestException({
          message: `There is no agency ${code}`,
          details: [{ field: 'agencies', problems: [`there is no agency ${code}`] }],
        });
      ids.push(agency.id);
    }
    return ids;
  }

  private async viewOf(subscription: WebhookSubscription): Promise<WebhookSubscriptionDto> {
    return this.dtoOf(subscription, await this.agencies.codesById());
  }

  private dtoOf(subscription: WebhookSubscription, codes: Map<string, string>): WebhookSubscriptionDto {
    return {
      id: subscription.id,
      url: subscription.url,
      description: subscription.description,
      events: subscription.eventTypes,
      agencies: subscription.agencyIds.map((agencyId) => codes.get(agencyId) ?? agencyId),
      personalData: subscription.personalData,
      ordered: subscription.ordered,
      enabled: subscription.disabledAt === null,
      disabledAt: iso(subscription.disabledAt),
      disabledReason: subscription.disabledReason,
      failingSince: iso(subscription.failingSince),
      previousSecretUntil:
        subscription.previousSecretUntil && subscription.previousSecretUntil > this.clock.now()
          ? subscription.previousSecretUntil.toISOString()
          : null,
      createdAt: subscription.createdAt.toISOString(),
      updatedAt: subscription.updatedAt.toISOString(),
    };
  }
}

function deliveryDto(delivery: WebhookDelivery, attempts: WebhookAttempt[]): WebhookDeliveryDto {
  return {
    id: delivery.id,
    webhookId: `msg_${delivery.id}`,
    eventType: delivery.eventType,
    applicationId: delivery.applicationId,
    state: delivery.state,
    attempts: delivery.attempts,
    lastStatus: delivery.lastStatus,
    lastError: delivery.lastError,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: iso(delivery.deliveredAt),
    body: delivery.payload,
    tries: attempts
      .filter((attempt) => attempt.deliveryId === delivery.id)
      .map((attempt) => ({
        attempt: attempt.attempt,
        at: attempt.at.toISOString(),
        status: attempt.status,
        error: attempt.error,
        durationMs: attempt.durationMs,
      })),
  };
}
