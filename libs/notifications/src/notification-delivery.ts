import { Injectable, Logger } from '@nestjs/common';

import { Clock } from '@onegate/applications';
import type { NotificationPayload } from '@onegate/jobs';
import { NotificationRepository } from '@onegate/persistence';
import type { Notification } from '@onegate/persistence';

import { MailTransport } from './mail-transport';
import { NotificationComposer } from './notification-composer';

/**
 * Stores each notification once and sends its e-mail at most once, whatever BullMQ redelivers.
 *
 * - Once: the row is inserted under its unique key with "insert or ignore"; a job for a key already
 *   stored stores nothing and builds nothing.
 * - At most once: before sending, one conditional UPDATE moves the e-mail from `pending` to `sending`;
 *   only the job that made that change sends. A worker that dies during the send leaves `sending`
 *   behind, and no later delivery sends again: a lost e-mail is preferred to a duplicate one (the
 *   notification is in the application either way).
 * - Nothing is taken while the server cannot be reached (it is greeted first), and a temporary refusal
 *   (4xx) puts the e-mail back to `pending`, so those are retried with the queue's backoff. A permanent
 *   refusal or an unknown outcome (a connection lost during the send) is recorded as `failed`.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  public constructor(
    private readonly notifications: NotificationRepository,
    private readonly composer: NotificationComposer,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  public async deliver(payload: NotificationPayload): Promise<void> {
    let stored = await this.notifications.findByKey(payload.key);
    if (!stored) {
      const composed = await this.composer.compose(payload, this.clock.now());
      if (!composed) {
        this.logger.warn(
          { key: payload.key },
          'notification dropped: its recipient or application is gone, or it no longer applies',
        );
        return;
      }
      if (!(await this.transport.isEnabled())) composed.emailStatus = 'none';
      await this.notifications.insertOnce(composed);
      stored = (await this.notifications.findByKey(payload.key))!;
    }
    await this.sendOnce(stored);
  }

  private async sendOnce(notification: Notification): Promise<void> {
    if (notification.emailStatus !== 'pending' || !notification.recipientEmail) return;
    if (!(await this.transport.isEnabled())) return;
    await this.transport.assertReachable();
    if (!(await this.notifications.claimEmail(notification.id, this.clock.now()))) return;
    try {
      await this.transport.send({
        to: notification.recipientEmail,
        subject: notification.subject,
        text: notification.textBody,
        html: notification.htmlBody,
        language: notification.language,
      });
    } catch (error) {
      await this.recordFailure(notification, error);
      return;
    }
    await this.notifications.recordEmail(notification.id, 'sent', this.clock.now());
  }

  private async recordFailure(notification: Notification, error: unknown): Promise<void> {
    const { responseCode, code, message } = error as {
      responseCode?: number;
      code?: string;
      message?: string;
    };
    const reason = `${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''}: ${message ?? String(error)}`;
    if (responseCode && responseCode >= 400 && responseCode < 500) {
      await this.notifications.recordEmail(notification.id, 'pending', null, reason);
      throw error;
    }
    await this.notifications.recordEmail(notification.id, 'failed', this.clock.now(), reason);
    this.logger.warn({ notificationId: notification.id, code, responseCode }, 'notification e-mail not sent');
  }
}
