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
] as const;
export type Action = (typeof ACTIONS)[number];

export type Channel = 'online' | 'offline';
export type ActorRole = Role | 'system' | 'import';

/** Where an action may start, where it leaves the file, and who may take it (docs/lifecycle.md, "Actions"). */
export interface Transition {
  from: readonly ApplicationState[];
  /** `same` keeps the state (pay, extend, sign, assign from in_progress). */
  to: ApplicationState | 'same';
  actors: readonly ActorRole[];
  /** Fields that must be present (docs/lifecycle.md, "Fields of an action"). */
  requires: readonly ('reason' | 'missingDocuments' | 'appointmentAt' | 'reference' | 'assigneeId')[];
}

const BEFORE_DECISION: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'received',
  'in_progress',
  'supplement_requested',
];
/** The states in which a file's clock runs: open for work (a file waiting for a supplement is paused). */
export const CLOCK_RUNNING_STATES: readonly ApplicationState[] = ['received', 'in_progress'];
const OPEN_FOR_WORK = CLOCK_RUNNING_STATES;

export const TRANSITIONS: { readonly [A in Action]: Transition } = {
  submit: { from: ['draft'], to: 'submitted', actors: ['citizen'], requires: [] },
  register_counter: { from: [], to: 'received', actors: ['clerk'], requires: [] },
  receive: { from: ['submitted'], to: 'received', actors: ['clerk'], requires: [] },
  refuse: { from: ['submitted'], to: 'refused', actors: ['clerk'], requires: ['reason'] },
  assign: {
    from: OPEN_FOR_WORK,
    to: 'in_progress',
    actors: ['clerk', 'supervisor'],
    requires: ['assigneeId'],
  },
  request_supplement: {
    from: OPEN_FOR_WORK,
    to: 'supplement_requested',
    actors: ['clerk'],
    requires: ['reason', 'missingDocuments'],
  },
  supplement: {
    from: ['supplement_requested'],
    to: 'in_progress',
    actors: ['citizen', 'clerk'],
    requires: [],
  },
  pay: { from: BEFORE_DECISION, to: 'same', actors: ['citizen', 'clerk'], requires: [] },
  extend: {
    from: ['received', 'in_progress', 'supplement_requested'],
    to: 'same',
    actors: ['clerk'],
    requires: ['reason', 'appointmentAt'],
  },
  approve: { from: OPEN_FOR_WORK, to: 'decided', actors: ['clerk'], requires: [] },
  deny: { from: OPEN_FOR_WORK, to: 'decided', actors: ['clerk'], requires: ['reason'] },
  sign: { from: ['decided'], to: 'same', actors: ['system', 'clerk'], requires: [] },
  return: { from: ['decided'], to: 'returned', actors: ['clerk', 'system'], requires: [] },
  withdraw: {
    from: ['submitted', 'received', 'in_progress', 'supplement_requested'],
    to: 'withdrawn',
    actors: ['citizen'],
    requires: [],
  },
};

/** Facts beyond the state that decide whether an action is possible now. */
export interface LifecycleFacts {
  state: ApplicationState;
  signed: boolean;
  paid: boolean;
}

/** Whether the action can be taken in this state, by the state table plus its notes (sign once; return after signing). */
export function isActionPossible(action: Action, facts: LifecycleFacts): boolean {
  if (!TRANSITIONS[action].from.includes(facts.state)) return false;
  if (action === 'sign') return !facts.signed;
  if (action === 'return') return facts.signed;
  if (action === 'pay') return !facts.paid;
  return true;
}

/** The actions possible now, in the table's order: what a 409 lists. */
export function possibleActions(facts: LifecycleFacts): Action[] {
  return ACTIONS.filter((action) => isActionPossible(action, facts));
}

export function stateAfter(action: Action, current: ApplicationState): ApplicationState {
  const to = TRANSITIONS[action].to;
  return to === 'same' ? current : to;
}
