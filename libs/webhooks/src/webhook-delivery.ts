import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AppConfig } from '@onegate/config';
import { JobName, notificationJobId, OnJob, Outbox } from '@onegate/jobs';
import type { OutboxJob, WebhookDeliveryPayload, WebhookEventPayload } from '@onegate/jobs';
import {
  AgencyRepository,
  ApplicationRepository,
  FeedbackRepository,
  TransactionRunner,
  WebhookRepository,
} from '@onegate/persistence';
import type {
  ApplicationEvent,
  WebhookDelivery as Delivery,
  WebhookDisabledReason,
  WebhookSubscription,
} from '@onegate/persistence';
import { Clock, nameBasedUuid, retryDelayMs } from '@onegate/platform';

import { feedbackAnsweredBody, fileEventBody } from './webhook-payload';
import { webhookEventOf } from './webhook-events';
import type { WebhookEventType } from './webhook-events';
import { sendWebhook } from './webhook-sender';
import type { SendOutcome } from './webhook-sender';
import { signedHeaders } from './webhook-signature';

/** Beyond the request's own time limit, how long a try holds its delivery (writing its outcome). */
const HOLD_MARGIN_MS = 5_000;

/** The job of a delivery's try: a new id for each, so BullMQ never takes one for a finished one. */
export const deliveryJob = (
  deliveryId: string,
  tag: string,
  runAt?: Date,
): OutboxJob<JobName.DeliverWebhook> => ({
  name: JobName.DeliverWebhook,
  payload: { deliveryId },
  jobId: `webhook|${deliveryId}|${tag}`,
  runAt,
});

/** A delivery not yet tried, due now. */
export function newDelivery(
  fields: Pick<
    Delivery,
    'id' | 'subscriptionId' | 'eventKey' | 'eventType' | 'applicationId' | 'sequence' | 'payload'
  >,
  now: Date,
): Delivery {
  return {
    ...fields,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastStatus: null,
    lastError: null,
    createdAt: now,
    retryFrom: now,
    deliveredAt: null,
  };
}

/** The secrets that sign now: the current one, and the one before it during its overlap. */
export function signingSecrets(subscription: WebhookSubscription, now: Date): string[] {
  const previous =
    subscription.previousSecret && subscription.previousSecretUntil && subscription.previousSecretUntil > now
      ? [subscription.previousSecret]
      : [];
  return [subscription.secret, ...previous];
}

/**
 * The worker's side of webhooks (docs/webhooks.md): a file's event becomes one delivery per
 * subscription that asked for it, and each delivery is tried, signed, until its receiver answers 2xx
 * or it is given up, every try recorded.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger(WebhookDeliveries.name);

  public constructor(
    private readonly webhooks: WebhookRepository,
    private readonly applications: ApplicationRepository,
    private readonly feedback: FeedbackRepository,
    private readonly agencies: AgencyRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * One delivery per subscription that asked for the event's type and the agency it concerns: a file's
   * competent agency, or the agency a feedback item is about.
   */
  @OnJob(JobName.WebhookEvent)
  public async fanOut(payload: WebhookEventPayload): Promise<void> {
    const deliveries =
      'feedbackId' in payload
        ? await this.feedbackDeliveries(payload.feedbackId)
        : await this.fileDeliveries(payload.eventId);
    if (deliveries.length === 0) return;
    await this.transactions.run(async (manager) => {
      await this.webhooks.addDeliveries(manager, deliveries);
      await this.outbox.add(
        manager,
        deliveries.map((delivery) => deliveryJob(delivery.id, '1')),
      );
    });
  }

  private async fileDeliveries(eventId: string): Promise<Delivery[]> {
    const event = await this.applications.findEvent(eventId);
    const type = event ? webhookEventOf(event.type) : null;
    if (!event || !type) return [];
    const subscriptions = (await this.webhooks.enabledSubscriptions()).filter((subscription) =>
      this.wants(subscription, event),
    );
    if (subscriptions.length === 0) return [];
    const application = await this.applications.findById(event.applicationId);
    if (!application) return [];
    const now = this.clock.now();
    return subscriptions
      .filter((subscription) => inAgencies(subscription, application.competentAgencyId))
      .map((subscription) =>
        newDelivery(
          {
            id: nameBasedUuid(`webhook|${subscription.id}|${event.id}`),
            subscriptionId: subscription.id,
            eventKey: event.id,
            eventType: type,
            applicationId: event.applicationId,
            sequence: event.sequence,
            payload: fileEventBody(type, event, application, subscription.personalData),
          },
          now,
        ),
      );
  }

  private async feedbackDeliveries(feedbackId: string): Promise<Delivery[]> {
    const feedback = await this.feedback.findById(feedbackId);
    const answeredAt = feedback?.answeredAt;
    if (!feedback || !answeredAt) return [];
    const subscriptions = (await this.webhooks.enabledSubscriptions()).filter(
      (subscription) =>
        subscription.eventTypes.includes(FEEDBACK_ANSWERED) &&
        answeredAt.getTime() >= subscription.updatedAt.getTime() &&
        inAgencies(subscription, feedback.agencyId),
    );
    if (subscriptions.length === 0) return [];
    const agencyCode = (await this.agencies.findById(feedback.agencyId))?.code ?? '';
    const now = this.clock.now();
    return subscriptions.map((subscription) =>
      newDelivery(
        {
          id: nameBasedUuid(`webhook|${subscription.id}|feedback|${feedback.id}`),
          subscriptionId: subscription.id,
          eventKey: `feedback:${feedback.id}`,
          eventType: FEEDBACK_ANSWERED,
          applicationId: null,
          sequence: null,
          payload: feedbackAnsweredBody(feedback, agencyCode, subscription.personalData),
        },
        now,
      ),
    );
  }

  /** One try of one delivery; a job that finds it delivered, given up or not yet due does nothing. */
  @OnJob(JobName.DeliverWebhook)
  public async deliver(payload: WebhookDeliveryPayload): Promise<void> {
    const delivery = await this.webhooks.findDelivery(payload.deliveryId);
    if (!delivery || delivery.state !== 'pending') return;
    const now = this.clock.now();
    // A job that comes before the delivery's time (a recheck of the file's order, or a try held by
    // another job) looks again at that time, so the wait is kept and no delivery is left without a job.
    if (delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > now.getTime()) {
      await this.lookAgainAt(delivery.id, delivery.nextAttemptAt, now);
      return;
    }
    const subscription = await this.webhooks.findSubscription(delivery.subscriptionId);
    if (!subscription) return;
    if (subscription.disabledAt) {
      await this.transactions.run((manager) =>
        this.webhooks.updateDelivery(manager, delivery.id, {
          state: 'failed',
          nextAttemptAt: null,
          lastError: 'the subscription is disabled',
        }),
      );
      return;
    }
    if (subscription.ordered && (await this.waitsForEarlier(subscription, delivery, now))) return;
    const attempt = delivery.attempts + 1;
    if (!(await this.claim(delivery, now))) return;
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'OneGate-Webhooks/1',
      ...signedHeaders(`msg_${delivery.id}`, now, delivery.payload, signingSecrets(subscription, now)),
    };
    const outcome = await sendWebhook(subscription.url, delivery.payload, headers, this.config.webhooks);
    await this.record(subscription, delivery, attempt, now, outcome);
  }

  /**
   * One job alone makes each try: the try is counted and the delivery held for as long as a try can
   * take, so that a second job reading it meanwhile waits; a job whose worker dies holding it is
   * followed by its own retry once the hold ends (docs/webhooks.md, "One job per try").
   */
  private claim(delivery: Delivery, now: Date): Promise<boolean> {
    const heldUntil = new Date(now.getTime() + this.config.webhooks.timeoutMs + HOLD_MARGIN_MS);
    return this.transactions.run((manager) =>
      this.webhooks.claimTry(manager, delivery.id, delivery.attempts, heldUntil),
    );
  }

  private async lookAgainAt(deliveryId: string, due: Date, now: Date): Promise<void> {
    const runAt = new Date(Date.now() + (due.getTime() - now.getTime()));
    await this.transactions.run((manager) =>
      this.outbox.add(manager, [deliveryJob(deliveryId, `at|${due.getTime()}`, runAt)]),
    );
  }

  /** Whether an event is one the subscription asked for, raised since it last changed what it asks for. */
  private wants(subscription: WebhookSubscription, event: ApplicationEvent): boolean {
    const type = webhookEventOf(event.type);
    return (
      type !== null &&
      subscription.eventTypes.includes(type) &&
      event.at.getTime() >= subscription.updatedAt.getTime()
    );
  }

  /**
   * For an ordered subscription, a file's event waits while an earlier event of the file it asked for
   * is not yet delivered (or given up), or not yet even made a delivery. The earlier one's outcome
   * sends it on at once; meanwhile it looks again when the earlier one's next try is due.
   */
  private async waitsForEarlier(
    subscription: WebhookSubscription,
    delivery: Delivery,
    now: Date,
  ): Promise<boolean> {
    if (!delivery.applicationId || delivery.sequence === null) return false;
    const earlierEvents = (await this.applications.eventsOf(delivery.applicationId)).filter(
      (event) => event.sequence < delivery.sequence! && this.wants(subscription, event),
    );
    if (earlierEvents.length === 0) return false;
    const earlier = new Map(
      (await this.webhooks.earlierOfFile(subscription.id, delivery.applicationId, delivery.sequence)).map(
        (found) => [found.eventKey, found],
      ),
    );
    const blocking = earlierEvents
      .map((event) => earlier.get(event.id))
      .filter((found) => found?.state !== 'delivered' && found?.state !== 'failed');
    if (blocking.length === 0) return false;
    const due = Math.max(
      now.getTime(),
      ...blocking.map((found) => found?.nextAttemptAt?.getTime() ?? now.getTime()),
    );
    const runAt = new Date(Date.now() + (due - now.getTime()) + this.config.webhooks.retryFirstMs);
    await this.transactions.run((manager) =>
      this.outbox.add(manager, [deliveryJob(delivery.id, `wait|${runAt.getTime()}`, runAt)]),
    );
    return true;
  }

  private async record(
    subscription: WebhookSubscription,
    delivery: Delivery,
    attempt: number,
    at: Date,
    outcome: SendOutcome,
  ): Promise<void> {
    const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const gone = outcome.status === 410;
    const config = this.config.webhooks;
    const delay = retryDelayMs(attempt, config, outcome);
    const nextAt = new Date(at.getTime() + delay);
    const givenUp =
      !delivered && (gone || nextAt.getTime() > delivery.retryFrom.getTime() + config.retryForMs);
    const failingSince = delivered ? null : (subscription.failingSince ?? at);
    const disabled: WebhookDisabledReason | null = gone
      ? 'gone'
      : !delivered && at.getTime() - failingSince!.getTime() >= config.disableAfterMs
        ? 'failing'
        : null;
    const error = delivered ? null : (outcome.error ?? `answered ${outcome.status}`);
    await this.transactions.run(async (manager) => {
      await this.webhooks.addAttempt(manager, {
        id: randomUUID(),
        deliveryId: delivery.id,
        attempt,
        at,
        durationMs: outcome.durationMs,
        status: outcome.status,
        error,
      });
      await this.webhooks.updateDelivery(manager, delivery.id, {
        attempts: attempt,
        lastStatus: outcome.status,
        lastError: error,
        ...(delivered
          ? { state: 'delivered', deliveredAt: at, nextAttemptAt: null }
          : givenUp
            ? { state: 'failed', nextAttemptAt: null }
            : { nextAttemptAt: nextAt }),
      });
      if (!delivered && !givenUp)
        await this.outbox.add(manager, [
          deliveryJob(delivery.id, String(attempt + 1), new Date(Date.now() + delay)),
        ]);
      if ((delivered || givenUp) && subscription.ordered)
        await this.sendNextOfFile(manager, subscription, delivery);
      await this.updateSubscription(manager, subscription, failingSince, disabled, at);
    });
    if (disabled)
      this.logger.warn(
        { subscriptionId: subscription.id, reason: disabled },
        'webhook subscription disabled',
      );
  }

  /** An ordered file's next waiting delivery goes as soon as the one before it is settled. */
  private async sendNextOfFile(
    manager: EntityManager,
    subscription: WebhookSubscription,
    delivery: Delivery,
  ): Promise<void> {
    if (!delivery.applicationId || delivery.sequence === null) return;
    const next = await this.webhooks.nextPendingOfFile(
      manager,
      subscription.id,
      delivery.applicationId,
      delivery.sequence,
    );
    if (next) await this.outbox.add(manager, [deliveryJob(next.id, `after|${delivery.id}`)]);
  }

  private async updateSubscription(
    manager: EntityManager,
    subscription: WebhookSubscription,
    failingSince: Date | null,
    disabled: WebhookDisabledReason | null,
    at: Date,
  ): Promise<void> {
    const unchanged = (subscription.failingSince?.getTime() ?? null) === (failingSince?.getTime() ?? null);
    if (unchanged && !disabled) return;
    await this.webhooks.updateSubscriptionState(manager, subscription.id, {
      failingSince,
      ...(disabled ? { disabledAt: at, disabledReason: disabled } : {}),
    });
    if (disabled) await this.outbox.add(manager, [disabledNotice(subscription, disabled, at)]);
  }
}

const FEEDBACK_ANSWERED: WebhookEventType = 'feedback.answered';

/** Whether an agency is among a subscription's (none listed: every agency). */
function inAgencies(subscription: WebhookSubscription, agencyId: string): boolean {
  return subscription.agencyIds.length === 0 || subscription.agencyIds.includes(agencyId);
}

/** The e-mail that tells a subscription's owner it was disabled (docs/webhooks.md). */
function disabledNotice(
  subscription: WebhookSubscription,
  reason: WebhookDisabledReason,
  at: Date,
): OutboxJob<JobName.SendNotification> {
  const key = `${subscription.id}:webhook_disabled:${at.getTime()}`;
  return {
    name: JobName.SendNotification,
    payload: {
      key,
      kind: 'webhook_disabled',
      applicationId: null,
      recipient: { userId: subscription.ownerId },
      facts: { subscriptionId: subscription.id, url: subscription.url, reason, disabledAt: at.toISOString() },
    },
    jobId: notificationJobId(key),
  };
}
