import { JobName } from '@onegate/jobs';
import type { JobSchedule } from '@onegate/jobs';

/** How often the messages whose wait is over are sent (docs/text-messages.md). */
export const DUE_TEXTS_EVERY_MS = 60_000;

export const TEXT_MESSAGE_SCHEDULES: JobSchedule[] = [
  { id: 'text-messages-due', name: JobName.SendDueTexts, repeat: { every: DUE_TEXTS_EVERY_MS } },
];
