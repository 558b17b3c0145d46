/** What a notification tells its recipient; each kind has a mail template of the same name. */
export const NOTIFICATION_KINDS = [
  'file_submitted',
  'file_received',
  'supplement_requested',
  'file_refused',
  'decision_made',
  'result_ready',
  'apology',
  'fee_paid',
  'due_soon',
  'overdue',
  'step_overdue',
  'weekly_digest',
  'message_received',
  'consultation_overdue',
  'feedback_answered',
  'feedback_overdue',
  'webhook_disabled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (value: string): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value);
