import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';

import { WebhookAttempt, WebhookDelivery, WebhookSubscription } from '../entities';

/** Webhook subscriptions, their deliveries and the attempts of each (docs/webhooks.md). */
@Injectable()
export class WebhookRepository {
  private readonly subscriptions: Repository<WebhookSubscription>;
  private readonly deliveries: Repository<WebhookDelivery>;
  private readonly attempts: Repository<WebhookAttempt>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.subscriptions = dataSource.getRepository(WebhookSubscription);
    this.deliveries = dataSource.getRepository(WebhookDelivery);
    this.attempts = dataSource.getRepository(WebhookAttempt);
  }

  public async saveSubscription(subscription: WebhookSubscription, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(WebhookSubscription) ?? this.subscriptions).save(subscription);
  }

  /** The subscription's failure run and whether it is disabled, in the caller's transaction. */
  public async updateSubscriptionState(
    manager: EntityManager,
    id: string,
    changes: Pick<Partial<WebhookSubscription>, 'failingSince' | 'disabledAt' | 'disabledReason'>,
  ): Promise<void> {
    await manager.getRepository(WebhookSubscription).update({ id }, changes);
  }

  public findSubscription(id: string): Promise<WebhookSubscription | null> {
    return this.subscriptions.findOneBy({ id });
  }

  /** Every subscription, newest first. */
  public allSubscriptions(): Promise<WebhookSubscription[]> {
    return this.subscriptions.find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The subscriptions still enabled: the candidates for a new event. */
  public enabledSubscriptions(): Promise<WebhookSubscription[]> {
    return this.subscriptions.find({
      where: { disabledAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Removes a subscription with its deliveries and their attempts. */
  public async deleteSubscription(manager: EntityManager, id: string): Promise<void> {
    const deliveries = manager.getRepository(WebhookDelivery);
    const ids = (await deliveries.find({ select: { id: true }, where: { subscriptionId: id } })).map(
      (delivery) => delivery.id,
    );
    for (let start = 0; start < ids.length; start += 500) {
      await manager.getRepository(WebhookAttempt).delete({ deliveryId: In(ids.slice(start, start + 500)) });
    }
    await deliveries.delete({ subscriptionId: id });
    await manager.getRepository(WebhookSubscription).delete({ id });
  }

  /** Adds deliveries in the caller's transaction; one already there for its subscription and event stays as it is. */
  public async addDeliveries(manager: EntityManager, deliveries: WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await manager.createQueryBuilder().insert().into(WebhookDelivery).values(deliveries).orIgnore().execute();
  }

  public findDelivery(id: string, manager?: EntityManager): Promise<WebhookDelivery | null> {
    return (manager?.getRepository(WebhookDelivery) ?? this.deliveries).findOneBy({ id });
  }

  public async updateDelivery(
    manager: EntityManager,
    id: string,
    changes: Partial<Omit<WebhookDelivery, 'id'>>,
  ): Promise<void> {
    await manager.getRepository(WebhookDelivery).update({ id }, changes);
  }

  /**
   * Takes a delivery's next try for one job: counts it and holds the delivery until `heldUntil`, only
   * if no other job has taken a try since `attemptsRead` was read. False when another job has.
   */
  public async claimTry(
    manager: EntityManager,
    id: string,
    attemptsRead: number,
    heldUntil: Date,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(WebhookDelivery)
      .update(
        { id, attempts: attemptsRead, state: 'pending' },
        { attempts: attemptsRead + 1, nextAttemptAt: heldUntil },
      );
    return (result.affected ?? 0) === 1;
  }

  public async addAttempt(manager: EntityManager, attempt: WebhookAttempt): Promise<void> {
    await manager.getRepository(WebhookAttempt).insert(attempt);
  }

  /** A subscription's deliveries, newest first, one page. */
  public deliveriesOf(
    subscriptionId: string,
    offset: number,
    limit: number,
  ): Promise<[WebhookDelivery[], number]> {
    return this.deliveries.findAndCount({
      where: { subscriptionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  /** The attempts of these deliveries, in the order they were made. */
  public attemptsOf(deliveryIds: string[]): Promise<WebhookAttempt[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.attempts.find({
      where: { deliveryId: In(deliveryIds) },
      order: { at: 'ASC', attempt: 'ASC' },
    });
  }

  /** The deliveries of one subscription given up. */
  public failedOf(subscriptionId: string): Promise<WebhookDelivery[]> {
    return this.deliveries.find({ where: { subscriptionId, state: 'failed' }, order: { createdAt: 'ASC' } });
  }

  /** A file's deliveries to one subscription before the given place in its story. */
  public earlierOfFile(
    subscriptionId: string,
    applicationId: string,
    sequence: number,
  ): Promise<WebhookDelivery[]> {
    return this.deliveries.find({
      where: { subscriptionId, applicationId, sequence: LessThan(sequence) },
      order: { sequence: 'ASC' },
    });
  }

  /** The first of a file's deliveries to one subscription still pending after the given place in its story. */
  public nextPendingOfFile(
    manager: EntityManager,
    subscriptionId: string,
    applicationId: string,
    sequence: number,
  ): Promise<WebhookDelivery | null> {
    return manager.getRepository(WebhookDelivery).findOne({
      where: { subscriptionId, applicationId, sequence: MoreThan(sequence), state: 'pending' },
      order: { sequence: 'ASC' },
    });
  }
}
