import type { Role } from '../roles';

/**
 * The portal page of a file for someone told about it (docs/notifications.md): a citizen's own file
 * page, a staff member's file page, or, for a counter applicant without an account, the tracking page.
 * A notification about no file (the weekly digest) leads staff to the dashboard.
 */
export function filePagePath(role: Role | null, applicationId: string | null): string {
  if (!applicationId)
    return role === 'citizen' || role === null ? '/my/notifications' : '/supervisor/dashboard';
  if (role === null) return '/track';
  return role === 'citizen' ? `/my/applications/${applicationId}` : `/staff/applications/${applicationId}`;
}

/**
 * The portal page of feedback for someone told about it (docs/feedback.md): its author's page, the
 * staff's page, or, for anonymous feedback followed by its code and secret, the follow-up form.
 */
export function feedbackPagePath(role: Role | null, feedbackId: string): string {
  if (role === null) return '/feedback/track';
  return role === 'citizen' ? `/my/feedback/${feedbackId}` : `/staff/feedback/${feedbackId}`;
}

const FEEDBACK_NOTICES: readonly string[] = ['feedback_answered', 'feedback_overdue'];

/** The administrators' page of a webhook subscription and its deliveries (docs/webhooks.md). */
export const webhookPagePath = (subscriptionId: string): string => `/admin/webhooks/${subscriptionId}`;

/**
 * Where a notification in the inbox leads (docs/portal.md): a feedback notice to its feedback's page
 * (its key starts with the feedback's id, `<feedbackId>:<kind>:<recipient>`), a disabled webhook to
 * its subscription's page (key `<subscriptionId>:webhook_disabled:<ms>`), any other to its file's.
 */
export function noticePagePath(
  role: Role | null,
  notice: { kind: string; applicationId: string | null; notificationKey: string },
): string {
  if (FEEDBACK_NOTICES.includes(notice.kind)) {
    const feedbackId = notice.notificationKey.split(':')[0];
    if (feedbackId) return feedbackPagePath(role, feedbackId);
  }
  if (notice.kind === 'webhook_disabled') return webhookPagePath(notice.notificationKey.split(':')[0]);
  return filePagePath(role, notice.applicationId);
}
