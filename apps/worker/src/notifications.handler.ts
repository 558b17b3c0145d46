import { Injectable } from '@nestjs/common';

import { JobHandler, JobName } from '@onegate/jobs';
import type { NotificationPayload } from '@onegate/jobs';
import { NotificationDelivery } from '@onegate/notifications';

/** Stores a notification once and e-mails it at most once; a redelivered job changes nothing. */
@Injectable()
export class NotificationsHandler {
  public constructor(private readonly delivery: NotificationDelivery) {}

  @JobHandler(JobName.SendNotification)
  public async send(payload: NotificationPayload): Promise<void> {
    await this.delivery.deliver(payload);
  }
}
