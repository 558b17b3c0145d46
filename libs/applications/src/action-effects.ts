import type { Action, WorkingCalendar } from '@onegate/domain';
import { dueAtAfterSupplement, dueAtOnReception } from '@onegate/domain';
import type { Application, JsonObject, Procedure } from '@onegate/persistence';

import type { ActionRequest } from './action.request';

const MS_PER_HOUR = 3_600_000;

export interface EffectContext {
  now: Date;
  procedure: Procedure;
  /** The competent agency's calendar: it does the processing, so its working time counts. */
  calendar: WorkingCalendar;
  receivingAgencyId: string | null;
}

/** What an action changes on the application, besides its state (docs/lifecycle.md, "Due time and the clock"). */
export function effectsOf(
  action: Action,
  application: Application,
  request: ActionRequest,
  context: EffectContext,
): Partial<Application> {
  const { now, procedure, calendar } = context;
  switch (action) {
    case 'submit':
      return { submittedAt: now };
    case 'receive':
    case 'register_counter':
      return {
        receivingAgencyId: context.receivingAgencyId,
        receivedAt: now,
        dueAt: dueAtOnReception(calendar, now, procedure.processingHours),
      };
    case 'assign':
      return { assigneeId: request.assigneeId! };
    case 'request_supplement':
      return { supplementRequestedAt: now };
    case 'supplement': {
      const outcome = dueAtAfterSupplement(
        calendar,
        procedure.supplementPolicy,
        { dueAt: application.dueAt!, processingHours: procedure.processingHours },
        application.supplementRequestedAt!,
        now,
      );
      return {
        dueAt: outcome.dueAt,
        pausedMs: application.pausedMs + Math.round(outcome.pausedHours * MS_PER_HOUR),
        supplementRequestedAt: null,
      };
    }
    case 'pay':
      return { paid: true };
    case 'extend':
      return { appointmentAt: new Date(request.appointmentAt!) };
    case 'approve':
      return { outcome: 'approved', decidedAt: now };
    case 'deny':
      return { outcome: 'denied', decidedAt: now };
    case 'sign':
      return { signed: true };
    case 'refuse':
    case 'return':
    case 'withdraw':
      return { closedAt: now };
  }
}

/** The action's own fields, as recorded on its event. */
export function eventData(action: Action, request: ActionRequest, changes: Partial<Application>): JsonObject {
  const data: JsonObject = {};
  if (request.reason) data.reason = request.reason;
  if (request.missingDocuments) data.missingDocuments = request.missingDocuments;
  if (request.appointmentAt) data.appointmentAt = new Date(request.appointmentAt).toISOString();
  if (request.reference) data.reference = request.reference;
  if (request.assigneeId) data.assigneeId = request.assigneeId;
  if (changes.outcome) data.outcome = changes.outcome;
  if (changes.dueAt && (action === 'receive' || action === 'register_counter' || action === 'supplement')) {
    data.dueAt = changes.dueAt.toISOString();
  }
  if (action === 'supplement' && changes.pausedMs !== undefined) data.pausedMs = changes.pausedMs;
  return data;
}
