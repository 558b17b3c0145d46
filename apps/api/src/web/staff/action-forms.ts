import { BadRequestException } from '@nestjs/common';

import { ActionRequest } from '@onegate/applications';
import type { Action, Language } from '@onegate/domain';
import { ACTION_TABLE, ACTIONS } from '@onegate/domain';

import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { fromLocalInputValue, toLocalInputValue } from '../core/formatters';
import { translate } from '../core/messages';
import { validateFields } from '../core/validate-fields';
import { listField, textFields } from '../core/web-request';

type ActionField =
  | 'reason'
  | 'missingDocuments'
  | 'appointmentAt'
  | 'assigneeId'
  | 'step'
  | 'opinion'
  | 'amountDue'
  | 'reference'
  | 'agencyIds'
  | 'answerDueAt'
  | 'consultationId'
  | 'opinion'
  | 'documents'
  | 'channel'
  | 'note'
  | 'message';

const ACTION_FORM_FIELDS: readonly ActionField[] = [
  'reason',
  'missingDocuments',
  'appointmentAt',
  'assigneeId',
  'step',
  'opinion',
  'amountDue',
  'reference',
  'agencyIds',
  'answerDueAt',
  'consultationId',
  'opinion',
  'documents',
  'channel',
  'note',
  'message',
];

/**
 * The fields each staff action asks for (docs/lifecycle.md, "Fields of an action"); an internal note and
 * a message to the applicant fit every action (docs/messages.md).
 */
const FIELDS: Record<Action, ActionField[]> = {
  submit: [],
  register_counter: [],
  receive: ['note', 'message'],
  refuse: ['reason', 'note', 'message'],
  assign: ['assigneeId', 'note', 'message'],
  request_supplement: ['reason', 'missingDocuments', 'note', 'message'],
  supplement: ['note', 'message'],
  // At the counter a payment is cash, with the number of the cash receipt handed over (docs/payments.md).
  pay: ['reference', 'note', 'message'],
  extend: ['reason', 'appointmentAt', 'note', 'message'],
  approve: ['note', 'message'],
  deny: ['reason', 'note', 'message'],
  sign: ['note', 'message'],
  return: ['channel', 'note', 'message'],
  withdraw: [],
  // The next step's holder is optional (else anyone of its unit); a transfer answers with its opinion.
  forward: ['assigneeId', 'opinion', 'amountDue', 'documents', 'note'],
  send_back: ['step', 'reason', 'note'],
  take_over: ['note'],
  // The question is the action's reason (docs/applications.md, "Consultations").
  consult: ['agencyIds', 'reason', 'answerDueAt', 'note'],
  answer_consultation: ['consultationId', 'opinion'],
};

/** Actions that end or turn the file: their buttons warn. */
const WARNING: readonly Action[] = ['refuse', 'deny'];

/** Headings that say more on the clerk's page than the action's name. */
const TITLE_KEYS: { readonly [A in Action]?: string } = { pay: 'actionForm.cashTitle' };

export interface ActionFormView {
  action: Action;
  titleKey: string;
  id: string;
  fields: Record<ActionField, boolean>;
  required: Record<string, boolean>;
  errors: FormErrors | null;
  values: Record<string, string>;
  warning: boolean;
  appointmentMin: string;
}

/**
 * The forms of the actions allowed; `returnsDocuments`: the reader holds a transferred step, whose forward
 * takes the documents their agency returns (docs/applications.md, "Transfers").
 */
export function actionForms(
  allowed: Action[],
  failed: { action: Action; errors: FormErrors; values: Record<string, string> } | null,
  now: Date,
  { returnsDocuments = false }: { returnsDocuments?: boolean } = {},
): ActionFormView[] {
  return allowed.map((action) => {
    const fields = Object.fromEntries(
      ACTION_FORM_FIELDS.map((field) => [
        field,
        FIELDS[action].includes(field) && (field !== 'documents' || returnsDocuments),
      ]),
    ) as Record<ActionField, boolean>;
    const mine = failed?.action === action ? failed : null;
    return {
      action,
      titleKey: TITLE_KEYS[action] ?? `action.${action}`,
      id: `action-${action}`,
      fields,
      // Staff record their steps offline where the row says so: what an offline step requires too.
      required: Object.fromEntries(
        [...ACTION_TABLE[action].requires, ...(ACTION_TABLE[action].requiresOffline ?? [])].map((field) => [
          field,
          true,
        ]),
      ),
      errors: mine?.errors ?? null,
      values: mine?.values ?? {},
      warning: WARNING.includes(action),
      appointmentMin: toLocalInputValue(now),
    };
  });
}

/**
 * An amount in dong as a clerk types it: digits, or digits in groups of three set apart by dots, commas
 * or spaces (`1.250.000`, `1,250,000`, `1 250 000`), read as the whole number; anything else is left as
 * typed for the check to refuse.
 */
export function amountOf(typed: string | undefined): string | undefined {
  if (typed === undefined) return undefined;
  return /^\d{1,3}([., ]\d{3})+$/.test(typed) && new Set(typed.replace(/\d/g, '')).size === 1
    ? typed.replace(/[., ]/g, '')
    : typed;
}

/** The action request from a posted action form; unknown actions are left to the service to refuse. */
function actionRequestFrom(posted: Record<string, string>, missing: string[], agencyIds: string[]) {
  const text = (name: string) => {
    const value = (posted[name] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const others = (posted.missingOther ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const missingDocuments = [...new Set([...missing, ...others])];
  const appointment = text('appointmentAt');
  const answerDue = text('answerDueAt');
  return {
    action: posted.action as Action,
    reason: text('reason'),
    note: text('note'),
    message: text('message'),
    missingDocuments: missingDocuments.length > 0 ? missingDocuments : undefined,
    appointmentAt: appointment ? (fromLocalInputValue(appointment) ?? appointment) : undefined,
    assigneeId: text('assigneeId'),
    step: text('step'),
    opinion: text('opinion'),
    amountDue: amountOf(text('amountDue')),
    reference: text('reference'),
    agencyIds: agencyIds.length > 0 ? agencyIds : undefined,
    answerDueAt: answerDue ? (fromLocalInputValue(answerDue) ?? answerDue) : undefined,
    consultationId: text('consultationId'),
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
const actionFieldId = (action: Action, field: string) =>
  `${action}-${field === 'missingDocuments' ? 'missingOther' : field}`;

const actionFieldLabelKey = (field: string) => `actionForm.${field}`;

/**
 * A posted action form checked as the API checks its body; an action the page does not offer is a 400
 * error page, not a form problem.
 */
export async function checkActionForm(body: unknown) {
  const posted = textFields(body);
  if (!(ACTIONS as readonly string[]).includes(posted.action ?? '')) {
    throw new BadRequestException('Choose one of the actions of the page');
  }
  const fields = actionRequestFrom(posted, listField(body, 'missingDocuments'), listField(body, 'agencyIds'));
  // Through JSON, as a body arrives: absent fields are left out rather than set to undefined.
  const plain = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
  const { value, problems } = await validateFields(ActionRequest, plain);
  return { posted, action: fields.action, request: value, problems: problems.map(onePlainAmountProblem) };
}

/** A text that is no amount fails every check of `amountDue` at once: the reader is told only the first. */
function onePlainAmountProblem(problem: FieldProblem): FieldProblem {
  if (problem.field !== 'amountDue') return problem;
  const whole = problem.problems.find((text) => text.includes('whole number of VND'));
  return whole ? { ...problem, problems: [whole] } : problem;
}

/** An action form's errors, on the inputs of that action's form. */
export function actionErrors(lang: Language, action: Action, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    lang,
    problems,
    (field) => actionFieldId(action, field),
    (fieldId) => translate(lang, actionFieldLabelKey(fieldId.slice(action.length + 1))),
  );
}
