import type { Action } from '@onegate/domain';
import { ACTION_TABLE } from '@onegate/domain';

import { fromLocalInputValue, toLocalInputValue } from '../core/formatters';
import type { FormErrors } from '../core/form-problems';

type ActionField = 'reason' | 'missingDocuments' | 'appointmentAt' | 'assigneeId' | 'channel' | 'note';

/** The fields each staff action asks for (docs/lifecycle.md, "Fields of an action"); a note fits every action. */
const FIELDS: Record<Action, ActionField[]> = {
  submit: [],
  register_counter: [],
  receive: ['note'],
  refuse: ['reason', 'note'],
  assign: ['assigneeId', 'note'],
  request_supplement: ['reason', 'missingDocuments', 'note'],
  supplement: ['note'],
  pay: ['note'],
  extend: ['reason', 'appointmentAt', 'note'],
  approve: ['note'],
  deny: ['reason', 'note'],
  sign: ['note'],
  return: ['channel', 'note'],
  withdraw: [],
};

/** Actions that end or turn the file: their buttons warn. */
const WARNING: readonly Action[] = ['refuse', 'deny'];

export interface ActionFormView {
  action: Action;
  id: string;
  fields: Record<ActionField, boolean>;
  required: Record<string, boolean>;
  errors: FormErrors | null;
  values: Record<string, string>;
  warning: boolean;
  appointmentMin: string;
}

export function actionForms(
  allowed: Action[],
  failed: { action: Action; errors: FormErrors; values: Record<string, string> } | null,
  now: Date,
): ActionFormView[] {
  return allowed.map((action) => {
    const fields = Object.fromEntries(
      (['reason', 'missingDocuments', 'appointmentAt', 'assigneeId', 'channel', 'note'] as const).map(
        (field) => [field, FIELDS[action].includes(field)],
      ),
    ) as Record<ActionField, boolean>;
    const mine = failed?.action === action ? failed : null;
    return {
      action,
      id: `action-${action}`,
      fields,
      required: Object.fromEntries(ACTION_TABLE[action].requires.map((field) => [field, true])),
      errors: mine?.errors ?? null,
      values: mine?.values ?? {},
      warning: WARNING.includes(action),
      appointmentMin: toLocalInputValue(now),
    };
  });
}

/** The action request from a posted action form; unknown actions are left to the service to refuse. */
export function actionRequestFrom(posted: Record<string, string>, missing: string[]) {
  const text = (name: string) => {
    const value = (posted[name] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const others = (posted.missingOther ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const missingDocuments = [...missing, ...others];
  const appointment = text('appointmentAt');
  return {
    action: posted.action as Action,
    reason: text('reason'),
    note: text('note'),
    missingDocuments: missingDocuments.length > 0 ? missingDocuments : undefined,
    appointmentAt: appointment ? (fromLocalInputValue(appointment) ?? appointment) : undefined,
    assigneeId: text('assigneeId'),
    channel:
      posted.channel === 'offline'
        ? ('offline' as const)
        : posted.channel === 'online'
          ? ('online' as const)
          : undefined,
    version: posted.version && /^\d+$/.test(posted.version) ? Number(posted.version) : undefined,
  };
}

/** The id of an action form's input for a service's field path. */
export const actionFieldId = (action: Action, field: string) =>
  `${action}-${field === 'missingDocuments' ? 'missingOther' : field}`;

export const actionFieldLabelKey = (field: string) => `actionForm.${field}`;
