import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { AppConfig, hashNationalId } from '@onegate/config';
import { filePagePath } from '@onegate/domain';
import { JobName, OnJob } from '@onegate/jobs';
import type { NotificationPayload } from '@onegate/jobs';
import {
  ApplicationRepository,
  textChannelsOf,
  TextMessageRepository,
  UserRepository,
} from '@onegate/persistence';
import type { Notification, TextMessage } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { TEXT_MESSAGE_PROVIDER } from './text-message-provider';
import type { TextMessageProvider } from './text-message-provider';
import { TEXT_NOTICE_KINDS, TextTemplates } from './text-templates';

const HOUR_MS = 3_600_000;
/** Longer than any send can last (TEXT_MESSAGE_TIMEOUT_SECONDS is at most 60 s). */
export const TEXT_SEND_LEASE_MS = 90_000;
/** Tries without an acceptance before a message is recorded as failed. */
export const TEXT_MAX_TRIES = 8;
/** The wait before the first retry; each next one is four times longer, at most an hour. */
const RETRY_FIRST_MS = 30_000;
/** Messages the repeating job sends per run. */
const DUE_BATCH = 100;
/** A message that lost a race for the hour's last place tries again after this. */
const RACE_WAIT_MS = 60_000;

/**
 * Sends each notification's text messages (SMS, Zalo ZNS) exactly once (docs/text-messages.md).
 *
 * - Once per notification and channel: the notification job stores one row per chosen channel under a
 *   unique (notification, channel), "insert or ignore"; a redelivered job stores nothing new.
 * - Sent once: one conditional UPDATE moves a row from `pending` (and due) to `sending`; only the caller
 *   that made the change sends. A sender that died leaves `sending`, taken again after
 *   TEXT_SEND_LEASE_MS; the provider gets the row's id as a stable idempotency key, so a message sent
 *   again after such a crash is recognised as the same.
 * - The hourly limit per number: a row taken while the number already had TEXT_MESSAGE_HOURLY_LIMIT
 *   messages taken in the last hour is given back, waiting until the hour has room. It is delayed, not
 *   lost: the repeating job `text-messages.send-due` sends what is due.
 * - A failure worth retrying (no answer, 429, 5xx) waits and is tried again, up to TEXT_MAX_TRIES; a
 *   refusal is recorded as `failed`.
 */
@Injectable()
export class TextMessageDelivery {
  private readonly logger = new Logger(TextMessageDelivery.name);

  public constructor(
    private readonly messages: TextMessageRepository,
    private readonly users: UserRepository,
    private readonly applications: ApplicationRepository,
    private readonly templates: TextTemplates,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(TEXT_MESSAGE_PROVIDER) private readonly provider: TextMessageProvider,
  ) {}

  /** Stores the notification's text messages (once) and sends those that are due. */
  public async deliver(notification: Notification, payload: NotificationPayload): Promise<void> {
    if (!this.provider.enabled) return;
    await this.store(notification, payload);
    for (const message of await this.messages.ofNotification(notification.id)) {
      if (message.status === 'pending' || message.status === 'sending') await this.sendOne(message);
    }
  }

  /** The repeating job: sends the messages whose wait is over, and those a dead sender left. */
  @OnJob(JobName.SendDueTexts)
  public async sendDue(): Promise<void> {
    if (!this.provider.enabled) return;
    const now = this.clock.now();
    const due = await this.messages.due(now, new Date(now.getTime() - TEXT_SEND_LEASE_MS), DUE_BATCH);
    for (const message of due) await this.sendOne(message);
  }

  private async store(notification: Notification, payload: NotificationPayload): Promise<void> {
    if (!notification.recipientUserId || !TEXT_NOTICE_KINDS.includes(notification.kind)) return;
    const user = await this.users.findById(notification.recipientUserId);
    if (!user || !user.active || user.role !== 'citizen') return;
    const channels = textChannelsOf(user);
    if (channels.length === 0 || !user.phone) return;
    const application = notification.applicationId
      ? await this.applications.findById(notification.applicationId)
      : null;
    const code = application?.code;
    if (!code) return;
    const body = await this.templates.render(notification.kind, user.language, {
      code,
      link: `${this.config.publicUrl}${filePagePath(user.role, notification.applicationId)}`,
      approved: payload.facts.approved === true,
    });
    const now = this.clock.now();
    for (const channel of channels) {
      const message: TextMessage = {
        id: randomUUID(),
        notificationId: notification.id,
        channel,
        status: 'pending',
        phone: user.phone,
        phoneHash: hashNationalId(user.phone),
        body,
        language: user.language,
        attempts: 0,
        notBefore: now,
        claimedAt: null,
        sentAt: null,
        error: null,
        createdAt: now,
      };
      await this.messages.insertOnce(message);
    }
  }

  private async sendOne(message: TextMessage): Promise<void> {
    const now = this.clock.now();
    if (!(await this.messages.claim(message.id, now, new Date(now.getTime() - TEXT_SEND_LEASE_MS)))) return;
    const since = new Date(now.getTime() - HOUR_MS);
    if (
      (await this.messages.countTakenSince(message.phoneHash, since)) > this.config.textMessages.hourlyLimit
    ) {
      const first = await this.messages.firstTakenSince(message.phoneHash, since, message.id);
      const wait = first ? new Date(first.getTime() + HOUR_MS) : new Date(now.getTime() + RACE_WAIT_MS);
      await this.messages.release(message, wait, null, false);
      this.logger.log(
        { textMessageId: message.id, until: wait },
        'text message delayed: hourly limit per number',
      );
      return;
    }
    const outcome = await this.provider.send({
      channel: message.channel,
      to: message.phone,
      text: message.body,
      idempotencyKey: message.id,
    });
    if (outcome.outcome === 'accepted') {
      await this.messages.record(message.id, 'sent', this.clock.now());
      return;
    }
    const tries = message.attempts + 1;
    if (outcome.outcome === 'refused' || tries >= TEXT_MAX_TRIES) {
      await this.messages.record(message.id, 'failed', this.clock.now(), outcome.reason);
      this.logger.warn({ textMessageId: message.id, reason: outcome.reason }, 'text message not sent');
      return;
    }
    const wait = Math.min(RETRY_FIRST_MS * 4 ** message.attempts, HOUR_MS);
    await this.messages.release(message, new Date(now.getTime() + wait), outcome.reason, true);
  }
}
