import type { NotificationKind } from '../notifications';
import type { Action, ActionField, ActorRole, ApplicationState, Channel, FormKind } from './lifecycle';
import { ACTION_FIELDS, ACTIONS, CLOCK_RUNNING_STATES } from './lifecycle';

/**
 * What an action does to the file's clock (docs/lifecycle.md, "Due time and the clock"): `start` sets
 * the due time at reception, `pause` stops it for a supplement, `resume` starts it again as the
 * procedure's supplement policy says (`pause` pushes the due time on, `restart` counts afresh).
 * Starting and resuming schedule the deadline checks.
 */
export type ClockEffect = 'start' | 'pause' | 'resume';

/** Whether the action starts the clock: only staff of an agency can, and their desk receives the file. */
export const startsTheClock = (action: Action): boolean => ACTION_TABLE[action].clock === 'start';

export type DecisionOutcome = 'approved' | 'denied';

/**
 * What an action's event does to the report figures (docs/metrics.md, "The figures"): `reception`
 * starts the due time, the backlog and work; `refusal`, `withdrawal`, `decision` and `return` are
 * counted as such (a withdrawal and a decision also leave the backlog and end the stretch of work);
 * `work` puts the file in hand; `pause` ends a stretch of work for a supplement and `resumption` starts
 * one again with the new due time; `extension` marks a decision as late-with-apology.
 */
export type FigureEffect =
  | 'reception'
  | 'refusal'
  | 'work'
  | 'pause'
  | 'resumption'
  | 'extension'
  | 'decision'
  | 'return'
  | 'withdrawal';

/**
 * Whose files an actor may act on (docs/lifecycle.md, "Actions"): `own`, the files they applied for;
 * `agency`, files sent (not drafts) whose competent or receiving agency lies in their agency scope;
 * `step`, files whose current processing step their own agency holds (a transfer, "liên thông");
 * `any`, every file.
 */
export type WhoseFiles = 'own' | 'agency' | 'step' | 'any';

/** The files a role reaches for an action: one kind, or any of several. */
export type Reach = WhoseFiles | readonly WhoseFiles[];

/** The roles that may take an action, each with the files it may take it on. */
export type TakenBy = { readonly [R in ActorRole]?: Reach };

/** What the caller knows of the actor and the file: whose files it is among. */
export interface ActorRelation {
  /** The actor is the file's applicant. */
  isApplicant: boolean;
  /** The file's competent or receiving agency lies in the actor's agency scope (administrators: all). */
  inAgencyScope: boolean;
  /** The actor's own agency holds the file's current processing step; absent: it does not. */
  holdsStep?: boolean;
}

/** One row of the action table: everything an action is and does (docs/lifecycle.md, "Actions"). */
export interface ActionRule {
  /** The states it may start from; none means it opens a new file. */
  from: readonly ApplicationState[];
  /** `same` keeps the state. */
  to: ApplicationState | 'same';
  /** States among `from` that it leaves unchanged, whatever `to` says. */
  keepsState?: readonly ApplicationState[];
  /** The roles that may take it and whose files each may take it on; the import (`import`) replays any. */
  takenBy: TakenBy;
  /**
   * What the file must say besides its state: sign once, return after signing, pay while unpaid, be at a
   * step of its procedure's process.
   */
  only?: { signed?: boolean; paid?: boolean; atStep?: true };
  /** Fields that must be present. */
  requires: readonly ActionField[];
  /** Whether the server checks the file whole first: today's form schema and every mandatory document. */
  checksFile?: true;
  /** Whether, taken online, it needs a file for each item the last supplement request asked for. */
  checksAnswers?: true;
  /** Fields that must be present when it is taken online. */
  requiresOnline?: readonly ActionField[];
  /** Fields that must be present when staff record it as a paper step (offline); the import replays without. */
  requiresOffline?: readonly ActionField[];
  /** A time field that must be later than the action. */
  inFuture?: ActionField;
  /** A channel it is always recorded with, or that a clerk records it with. */
  channel?: { always?: Channel; clerk?: Channel };
  clock?: ClockEffect;
  /** The time field set to the moment of the action. */
  stamps?: 'submittedAt' | 'decidedAt' | 'closedAt';
  /** Facts set on the file. */
  sets?: { paid?: true; signed?: true; outcome?: DecisionOutcome };
  /** A field of the action copied onto the file. */
  keeps?: 'assigneeId' | 'appointmentAt';
  /** Fields it takes without requiring them, besides those above; any other action field is refused. */
  alsoTakes?: readonly ActionField[];
  /** What its event records besides the action's own fields. */
  records?: readonly ('outcome' | 'dueAt' | 'pausedMs')[];
  /**
   * What it does to the file's processing step (docs/lifecycle.md, "Processing steps"): `first` enters
   * step 1 (when the procedure has steps), `next` the following one, `earlier` the one named in `step`,
   * `hold` makes the actor the holder of the current one.
   */
  step?: 'first' | 'next' | 'earlier' | 'hold';
  /** The one-stop-shop form it issues. */
  document?: FormKind;
  /** What the applicant is told, and whether only when it is taken online. */
  notice?: { kind: NotificationKind; onlyOnline?: true };
  /** Whether the notice quotes the action's own fields (reason, missing documents). */
  quotes?: true;
  /** The job it hands work to: intake after a submission, issuance after an online decision. */
  then?: 'intake' | 'issue_result_online';
  /** What its event does to the report figures; none: it counts in none. */
  counts?: FigureEffect;
}

const BEFORE_DECISION: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'received',
  'in_progress',
  'supplement_requested',
];
const OPEN_FOR_WORK = CLOCK_RUNNING_STATES;

/** The action table (docs/lifecycle.md, "Actions"): docs/lifecycle.md states it, and a test keeps them equal. */
export const ACTION_TABLE: { readonly [A in Action]: ActionRule } = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    takenBy: { citizen: 'own' },
    requires: [],
    checksFile: true,
    stamps: 'submittedAt',
    notice: { kind: 'file_submitted' },
    then: 'intake',
  },
  register_counter: {
    from: [],
    to: 'received',
    takenBy: { clerk: 'agency' },
    requires: [],
    channel: { always: 'offline' },
    clock: 'start',
    records: ['dueAt'],
    step: 'first',
    document: 'receipt',
    notice: { kind: 'file_received' },
    counts: 'reception',
  },
  receive: {
    from: ['submitted'],
    to: 'received',
    takenBy: { clerk: 'agency' },
    requires: [],
    clock: 'start',
    records: ['dueAt'],
    step: 'first',
    document: 'receipt',
    notice: { kind: 'file_received' },
    counts: 'reception',
  },
  refuse: {
    from: ['submitted'],
    to: 'refused',
    takenBy: { clerk: 'agency' },
    requires: ['reason'],
    stamps: 'closedAt',
    document: 'refusal',
    notice: { kind: 'file_refused' },
    quotes: true,
    counts: 'refusal',
  },
  assign: {
    from: OPEN_FOR_WORK,
    to: 'in_progress',
    takenBy: { clerk: 'agency', supervisor: 'agency' },
    requires: ['assigneeId'],
    keeps: 'assigneeId',
    counts: 'work',
  },
  request_supplement: {
    from: OPEN_FOR_WORK,
    to: 'supplement_requested',
    takenBy: { clerk: 'agency' },
    requires: ['reason', 'missingDocuments'],
    clock: 'pause',
    document: 'supplement-request',
    notice: { kind: 'supplement_requested' },
    quotes: true,
    counts: 'pause',
  },
  supplement: {
    from: ['supplement_requested'],
    to: 'in_progress',
    takenBy: { citizen: 'own', clerk: 'agency' },
    requires: [],
    checksAnswers: true,
    channel: { clerk: 'offline' },
    clock: 'resume',
    records: ['dueAt', 'pausedMs'],
    counts: 'resumption',
  },
  pay: {
    from: [...BEFORE_DECISION, 'decided'],
    to: 'same',
    // A citizen pays online through the gateway, whose confirmation OneGate records (docs/payments.md).
    takenBy: { clerk: 'agency', system: 'any' },
    only: { paid: false },
    requires: [],
    requiresOnline: ['reference'],
    requiresOffline: ['reference'],
    channel: { clerk: 'offline' },
    sets: { paid: true },
    document: 'fee-receipt',
    notice: { kind: 'fee_paid' },
  },
  extend: {
    from: ['received', 'in_progress', 'supplement_requested'],
    to: 'same',
    takenBy: { clerk: 'agency' },
    requires: ['reason', 'appointmentAt'],
    inFuture: 'appointmentAt',
    keeps: 'appointmentAt',
    document: 'apology',
    notice: { kind: 'apology' },
    quotes: true,
    counts: 'extension',
  },
  approve: {
    from: OPEN_FOR_WORK,
    to: 'decided',
    takenBy: { clerk: 'agency' },
    requires: [],
    stamps: 'decidedAt',
    sets: { outcome: 'approved' },
    alsoTakes: ['reason'],
    records: ['outcome'],
    notice: { kind: 'decision_made' },
    then: 'issue_result_online',
    counts: 'decision',
  },
  deny: {
    from: OPEN_FOR_WORK,
    to: 'decided',
    takenBy: { clerk: 'agency' },
    requires: ['reason'],
    stamps: 'decidedAt',
    sets: { outcome: 'denied' },
    records: ['outcome'],
    notice: { kind: 'decision_made' },
    quotes: true,
    then: 'issue_result_online',
    counts: 'decision',
  },
  sign: {
    from: ['decided'],
    to: 'same',
    takenBy: { system: 'any', clerk: 'agency' },
    only: { signed: false },
    requires: [],
    channel: { clerk: 'offline' },
    sets: { signed: true },
  },
  return: {
    from: ['decided'],
    to: 'returned',
    takenBy: { clerk: 'agency', system: 'any' },
    only: { signed: true },
    requires: [],
    stamps: 'closedAt',
    notice: { kind: 'result_ready', onlyOnline: true },
    counts: 'return',
  },
  withdraw: {
    from: ['submitted', 'received', 'in_progress', 'supplement_requested'],
    to: 'withdrawn',
    takenBy: { citizen: 'own' },
    requires: [],
    stamps: 'closedAt',
    counts: 'withdrawal',
  },
  forward: {
    from: [...OPEN_FOR_WORK, 'decided'],
    to: 'in_progress',
    // A decided file goes on to the steps that sign it and return it, still decided.
    keepsState: ['decided'],
    takenBy: { clerk: ['agency', 'step'], supervisor: ['agency', 'step'] },
    only: { atStep: true },
    requires: [],
    alsoTakes: ['assigneeId', 'opinion', 'amountDue'],
    step: 'next',
  },
  send_back: {
    from: OPEN_FOR_WORK,
    to: 'same',
    takenBy: { clerk: 'agency', supervisor: 'agency' },
    only: { atStep: true },
    requires: ['reason', 'step'],
    step: 'earlier',
  },
  take_over: {
    from: [...OPEN_FOR_WORK, 'supplement_requested', 'decided'],
    to: 'same',
    takenBy: { clerk: ['agency', 'step'], supervisor: ['agency', 'step'] },
    only: { atStep: true },
    requires: [],
    step: 'hold',
  },
};

/** Facts beyond the state that decide whether an action is possible now; a new file has no state yet. */
export interface LifecycleFacts {
  state: ApplicationState | null;
  signed: boolean;
  paid: boolean;
  /** The position of the file's current processing step; none when its procedure has no steps. */
  stepPosition?: number | null;
}

/** Whether the action can be taken now, by its row: the states it starts from and what else it needs. */
export function isActionPossible(action: Action, facts: LifecycleFacts): boolean {
  const rule = ACTION_TABLE[action];
  const fromHere = facts.state === null ? rule.from.length === 0 : rule.from.includes(facts.state);
  if (!fromHere) return false;
  const only = rule.only ?? {};
  return (
    (only.signed === undefined || only.signed === facts.signed) &&
    (only.paid === undefined || only.paid === facts.paid) &&
    (only.atStep === undefined || (facts.stepPosition ?? null) !== null)
  );
}

/** The actions possible now, in the table's order: what a 409 lists. */
export function possibleActions(facts: LifecycleFacts): Action[] {
  return ACTIONS.filter((action) => isActionPossible(action, facts));
}

export function stateAfter(action: Action, current: ApplicationState | null): ApplicationState {
  const { to, keepsState } = ACTION_TABLE[action];
  if (to === 'same' || (current !== null && keepsState?.includes(current))) return current!;
  return to;
}

/** The roles that may take the action, in the table's order (the import replays any action besides). */
export const actorsOf = (action: Action): ActorRole[] =>
  Object.keys(ACTION_TABLE[action].takenBy) as ActorRole[];

/** Whether the actor's role may take the action at all (the import replays any). */
export const mayTake = (action: Action, role: ActorRole): boolean =>
  role === 'import' || ACTION_TABLE[action].takenBy[role] !== undefined;

/**
 * Whose files each role reaches at all, whatever the action: a file beyond them is answered as missing
 * before the role is weighed, so it cannot be told from one that does not exist.
 */
export const FILES_REACHED: { readonly [R in ActorRole]: Reach } = {
  citizen: 'own',
  clerk: ['agency', 'step'],
  supervisor: ['agency', 'step'],
  admin: 'agency',
  system: 'any',
  import: 'any',
};

/** Whether a file in this state, related so to the actor, is among the files `reach` names. */
export function isAmong(reach: Reach, state: ApplicationState | null, relation: ActorRelation): boolean {
  const kinds: readonly WhoseFiles[] = typeof reach === 'string' ? [reach] : reach;
  return kinds.some((whose) => isAmongKind(whose, state, relation));
}

function isAmongKind(whose: WhoseFiles, state: ApplicationState | null, relation: ActorRelation): boolean {
  switch (whose) {
    case 'any':
      return true;
    case 'own':
      return relation.isApplicant;
    case 'agency':
      // A draft is the citizen's own unfinished work: staff reach files once they are sent.
      return state !== 'draft' && relation.inAgencyScope;
    case 'step':
      return state !== 'draft' && relation.holdsStep === true;
  }
}

/**
 * Whether the actor reaches the file only as the holder of its current step, outside their agency scope:
 * they see the restricted view (docs/lifecycle.md, "Processing steps"), without the applicant's
 * national ID number, address or form answers.
 */
export const reachesOnlyTheStep = (
  role: ActorRole,
  state: ApplicationState | null,
  relation: ActorRelation,
): boolean =>
  isAmong(FILES_REACHED[role], state, relation) &&
  !isAmong(FILES_REACHED[role], state, { ...relation, holdsStep: false });

/** Whether the actor may act on this file at all: the row's files for their role, else their role's reach. */
export function reachesFile(
  action: Action,
  role: ActorRole,
  state: ApplicationState | null,
  relation: ActorRelation,
): boolean {
  return isAmong(ACTION_TABLE[action].takenBy[role] ?? FILES_REACHED[role], state, relation);
}

/**
 * The action fields it takes (docs/lifecycle.md, "Fields of an action"): those it requires (always or
 * online), checks or keeps, and those it takes besides; `channel`, `note` and `version` fit every action.
 */
export function fieldsTaken(action: Action): ActionField[] {
  const rule = ACTION_TABLE[action];
  const taken: (ActionField | undefined)[] = [
    ...rule.requires,
    ...(rule.requiresOnline ?? []),
    ...(rule.requiresOffline ?? []),
    rule.inFuture,
    rule.keeps,
    ...(rule.alsoTakes ?? []),
  ];
  return ACTION_FIELDS.filter((field) => taken.includes(field));
}
