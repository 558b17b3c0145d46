import { BULK_ACTIONS, MAX_BULK_FILES } from '@onegate/applications';
import type { BulkActionAnswer, BulkActionResult } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import { listField, textFields } from '../core/web-request';
import { translate } from '../core/messages';
import { choices } from '../core/choices';

type BulkAction = (typeof BULK_ACTIONS)[number];

/** What the queue's bulk form posted: the files ticked (or every file of the page), the action, whom to. */
export interface BulkPost {
  action: BulkAction | null;
  ids: string[];
  assigneeId: string | undefined;
  /** The queue's own query (its filters), to show the same view again afterwards. */
  back: string;
}

export function bulkPost(body: unknown): BulkPost {
  const fields = textFields(body);
  const ids = fields.allOnPage === 'true' ? listField(body, 'pageIds') : listField(body, 'ids');
  return {
    action: (BULK_ACTIONS as readonly string[]).includes(fields.action ?? '')
      ? (fields.action as BulkAction)
      : null,
    ids: [...new Set(ids)],
    assigneeId: fields.assigneeId || undefined,
    back: fields.back ?? '',
  };
}

/** Why the page does not even try: nothing ticked, too many files, no action or nobody to assign to. */
export function bulkPostProblem(lang: Language, post: BulkPost): string | null {
  if (!post.action) return translate(lang, 'bulk.noAction');
  if (post.ids.length === 0) return translate(lang, 'bulk.noFiles');
  if (post.ids.length > MAX_BULK_FILES) return translate(lang, 'bulk.tooMany', { value: MAX_BULK_FILES });
  if (post.action === 'assign' && !post.assigneeId) return translate(lang, 'bulk.noAssignee');
  return null;
}

/** "12 received, 1 not possible: QN-HL-261207-0003 is already received", one line per failed file. */
export function bulkSummary(lang: Language, answer: BulkActionAnswer) {
  return {
    done: translate(lang, `bulk.done_${answer.action}`, { count: answer.done }),
    failedTitle: answer.failed ? translate(lang, 'bulk.failed', { count: answer.failed }) : null,
    failures: answer.results
      .filter((result) => !result.done)
      .map((result) => ({ id: result.id, code: result.code, reason: failureReason(lang, result) })),
  };
}

function failureReason(lang: Language, result: BulkActionResult): string {
  if (result.done) return '';
  const details = (result.details ?? {}) as { state?: string; reason?: string };
  if (result.status === 409 && details.state)
    return translate(lang, 'bulk.reason_state', { state: translate(lang, `state.${details.state}`) });
  if (result.status === 409 && details.reason === 'fee_unpaid') return translate(lang, 'bulk.reason_fee');
  if (result.status === 409) return translate(lang, 'bulk.reason_changed');
  if (result.status === 404) return translate(lang, 'bulk.reason_notFound');
  if (result.status === 403) return translate(lang, 'bulk.reason_forbidden');
  if (result.status === 400) return translate(lang, 'bulk.reason_fields');
  return translate(lang, 'bulk.reason_failed');
}

/** The bulk form's controls: the actions, and the staff a file can be assigned to. */
export function bulkControls(staff: { id: string; fullName: string; active: boolean }[], post?: BulkPost) {
  return {
    actions: choices(BULK_ACTIONS, post?.action),
    assignees: staff
      .filter((member) => member.active)
      .map((member) => ({ id: member.id, name: member.fullName, selected: member.id === post?.assigneeId })),
    maxFiles: MAX_BULK_FILES,
  };
}
