import type { Role } from '../roles';

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'received',
  'in_progress',
  'supplement_requested',
  'decided',
  'returned',
  'refused',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const ACTIONS = [
  'submit',
  'register_counter',
  'receive',
  'refuse',
  'assign',
  'request_supplement',
  'supplement',
  'pay',
  'extend',
  'approve',
  'deny',
  'sign',
  'return',
  'withdraw',
  'forward',
  'send_back',
  'take_over',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Channel = 'online' | 'offline';
export type ActorRole = Role | 'system' | 'import';

/** The states in which a file's clock runs: open for work (a file waiting for a supplement is paused). */
export const CLOCK_RUNNING_STATES: readonly ApplicationState[] = ['received', 'in_progress'];

/** The fields an action may carry (docs/lifecycle.md, "Fields of an action"). */
export const ACTION_FIELDS = [
  'reason',
  'missingDocuments',
  'appointmentAt',
  'reference',
  'assigneeId',
  'step',
  'opinion',
  'amountDue',
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/** The one-stop-shop forms OneGate renders as PDFs and attaches to the file (docs/documents.md). */
export const FORM_KINDS = ['receipt', 'supplement-request', 'refusal', 'apology', 'fee-receipt'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
