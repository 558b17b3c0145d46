import { buffer } from 'node:stream/consumers';

import { Injectable, Logger } from '@nestjs/common';

import { FormIssuer } from '@onegate/documents';
import { JobName, OnJob } from '@onegate/jobs';
import type { NotificationPayload } from '@onegate/jobs';
import { AttachmentRepository, NotificationRepository, resultFileName } from '@onegate/persistence';
import type { Attachment, Notification } from '@onegate/persistence';
import { Clock, FileStore } from '@onegate/platform';

import { MailTransport } from './mail-transport';
import type { MailAttachment } from './mail-transport';
import { NotificationComposer } from './notification-composer';
import { TextMessageDelivery } from './text-messages/text-message-delivery';

/**
 * Stores each notification once and sends its e-mail at most once, whatever BullMQ redelivers.
 *
 * - Once: the row is inserted under its unique key with "insert or ignore"; a job for a key already
 *   stored stores nothing and builds nothing.
 * - Once: before sending, one conditional UPDATE moves the e-mail from `pending` to `sending`; only
 *   the job that made that change sends, and it marks the e-mail `sent` as soon as the server has
 *   accepted it. A worker killed during the send leaves `sending` behind: the job is redelivered, and
 *   once the claim is older than any send can last (SEND_LEASE_MS, beyond the transport's timeouts) the
 *   e-mail is taken again and sent. Until then a redelivered job fails and is retried later. A duplicate
 *   is only possible if the worker dies in the moment between the server's acceptance and the update;
 *   every message carries a stable Message-ID, so mail systems can recognise it.
 * - Nothing is taken while the server cannot be reached (it is greeted first), and a temporary refusal
 *   (4xx) puts the e-mail back to `pending`, so those are retried with the queue's backoff. A permanent
 *   refusal or an unknown outcome (a connection lost during the send) is recorded as `failed`.
 * - The same form: an applicant's e-mail that carries a one-stop-shop form (receipt, supplement request,
 *   refusal, apology) is stored only once that form is stored, pointing at it; if the form job has not
 *   rendered it yet, this job renders it (idempotently: whichever render is stored first is the form).
 *   Every send then attaches the stored bytes, read before the claim, so the lease times only the send.
 */
/** Longer than any send can last with the transport's timeouts; see MailTransport. */
export const SEND_LEASE_MS = 20_000;

@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  public constructor(
    private readonly notifications: NotificationRepository,
    private readonly composer: NotificationComposer,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly forms: FormIssuer,
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStore,
    private readonly texts: TextMessageDelivery,
  ) {}

  @OnJob(JobName.SendNotification)
  public async deliver(payload: NotificationPayload): Promise<void> {
    let stored = await this.notifications.findByKey(payload.key);
    if (!stored) {
      const form = await this.formOf(payload);
      const composed = await this.composer.compose(payload, this.clock.now(), form);
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
    // Text messages first: an e-mail server away fails the job, and the texts must not wait on it.
    await this.texts.deliver(stored, payload);
    await this.sendOnce(stored);
  }

  private async sendOnce(notification: Notification): Promise<void> {
    const unsent = notification.emailStatus === 'pending' || notification.emailStatus === 'sending';
    if (!unsent || !notification.recipientEmail) return;
    if (!(await this.transport.isEnabled())) return;
    await this.transport.assertReachable();
    const attachments = await this.attachmentsOf(notification);
    if (!attachments) {
      await this.notifications.recordEmail(notification.id, 'failed', this.clock.now(), 'its form is gone');
      this.logger.warn({ notificationId: notification.id }, 'notification e-mail not sent: its form is gone');
      return;
    }
    // The claim is timed by the real clock: it measures how long a send has been running.
    const claimedAt = new Date();
    const abandonedBefore = new Date(claimedAt.getTime() - SEND_LEASE_MS);
    if (!(await this.notifications.claimEmail(notification.id, claimedAt, abandonedBefore))) {
      const current = await this.notifications.findByKey(notification.notificationKey);
      if (current?.emailStatus === 'sending')
        throw new Error('e-mail being sent by another delivery: retried later');
      return;
    }
    try {
      await this.transport.send({
        messageId: `<${notification.id}@onegate>`,
        to: notification.recipientEmail,
        subject: notification.subject,
        text: notification.textBody,
        html: notification.htmlBody,
        language: notification.language,
        attachments,
      });
    } catch (error) {
      await this.recordFailure(notification, error);
      return;
    }
    await this.notifications.recordEmail(notification.id, 'sent', this.clock.now());
  }

  /** The stored form the e-mail carries, rendered now if its job has not yet done it; a failure is retried. */
  private async formOf(payload: NotificationPayload): Promise<Attachment | null> {
    if (!payload.form || !payload.applicationId) return null;
    return this.forms.formFor(payload.applicationId, payload.form.kind, payload.form.eventId);
  }

  /**
   * The stored bytes of the notification's form, or of the signed result a "result ready" e-mail
   * carries; null if the form was removed since (nothing to send).
   */
  private async attachmentsOf(notification: Notification): Promise<MailAttachment[] | null> {
    if (notification.kind === 'result_ready' && notification.applicationId) {
      const result = await this.composer.attachedResultOf(notification.applicationId);
      if (!result) return [];
      const content = await buffer(this.files.open(result.storageKey));
      return [{ filename: resultFileName(result), contentType: 'application/pdf', content }];
    }
    if (!notification.attachmentId || !notification.applicationId) return [];
    const form = await this.attachments.findOne(notification.applicationId, notification.attachmentId);
    if (!form) return null;
    const content = await buffer(this.files.open(form.storageKey));
    return [{ filename: form.originalName, contentType: form.mediaType, content }];
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
