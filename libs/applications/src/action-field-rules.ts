import { TRANSITIONS } from '@onegate/domain';
import type { Action, ActorRole, Channel, FieldProblem } from '@onegate/domain';

import { resolveChannel } from './channel-rules';

/** The fields an action may carry (docs/lifecycle.md, "Fields of an action"). */
export interface ActionFields {
  reason?: string;
  missingDocuments?: string[];
  appointmentAt?: string;
  reference?: string;
  assigneeId?: string;
  channel?: Channel;
}

/**
 * The field rules every action follows, live or imported: the fields the state table requires, the
 * channel the actor records it with, a reference for an online payment, and an appointment later than
 * the action itself.
 */
export function checkActionFields(
  action: Action,
  role: ActorRole,
  fields: ActionFields,
  at: Date,
): { channel: Channel; problems: FieldProblem[] } {
  const problems: FieldProblem[] = TRANSITIONS[action].requires
    .filter((field) => fields[field] === undefined)
    .map((field) => ({ field, problems: [`${field} is required for ${action}`] }));
  const resolved = resolveChannel(action, role, fields.channel);
  if ('problem' in resolved) problems.push(resolved.problem);
  const channel = 'channel' in resolved ? resolved.channel : 'online';
  if (action === 'pay' && channel === 'online' && !fields.reference) {
    problems.push({ field: 'reference', problems: ['reference is required for an online payment'] });
  }
  if (action === 'extend' && fields.appointmentAt && new Date(fields.appointmentAt) <= at) {
    problems.push({ field: 'appointmentAt', problems: ['the new appointment must be in the future'] });
  }
  return { channel, problems };
}
