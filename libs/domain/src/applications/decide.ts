import type { WorkingCalendar } from '../calendar';
import type { FieldProblem } from '../forms';
import type { ActionRule, ActorRelation, DecisionOutcome } from './action-table';
import {
  ACTION_TABLE,
  fieldsTaken,
  isActionPossible,
  mayTake,
  possibleActions,
  reachesFile,
  stateAfter,
} from './action-table';
import type { ApplicantNotice, NoticeSubject } from './applicant-notice';
import { applicantNotice } from './applicant-notice';
import type { SupplementPolicy } from './due-time';
import { dueAtAfterSupplement, dueAtOnReception } from './due-time';
import type { FeeDue } from './fee-due';
import { DEFAULT_FEE_DUE, waitsForFee } from './fee-due';
import type { Action, ActionField, ActorRole, ApplicationState, Channel, FormKind } from './lifecycle';
import { ACTION_FIELDS } from './lifecycle';
import type { CurrentStep, ProcessContext, ProcessStep, StepChanges } from './process-steps';
import { enterStep, stepDueAfterSupplement } from './process-steps';
import { procedureDocumentsAmong } from './supplement-items';

const MS_PER_HOUR = 3_600_000;

/** What `decide` reads of a file; the stored application has all of it. A new file has no state and version 0. */
export interface ApplicationFacts extends NoticeSubject, CurrentStep {
  state: ApplicationState | null;
  signed: boolean;
  paid: boolean;
  supplementRequestedAt: Date | null;
  pausedMs: number;
}

/** The action's own fields, as the API or an imported event gives them (docs/lifecycle.md, "Fields of an action"). */
export interface ActionFields {
  reason?: string;
  missingDocuments?: string[];
  appointmentAt?: string;
  reference?: string;
  assigneeId?: string;
  /** For `send_back`: the position of the earlier step the file goes back to. */
  step?: number;
  /** A transfer's answer: the other agency's opinion, and the amount it found due in VND. */
  opinion?: string;
  amountDue?: number;
  channel?: Channel;
  /** The version the caller last saw. */
  version?: number;
}

export interface DecisionContext {
  role: ActorRole;
  /**
   * Whose file it is to the actor, for the row's `takenBy`. OneGate itself and the import need none;
   * without it a citizen or staff member reaches no file.
   */
  actorRelation?: ActorRelation;
  now: Date;
  procedure: {
    processingHours: number;
    supplementPolicy: SupplementPolicy;
    /** The documents it asks for: a supplement request records which of its items they are. */
    requiredDocuments?: readonly { name: string }[];
    feeDue?: FeeDue;
  };
  /** The competent agency's calendar: it does the processing, so its working time counts. */
  calendar: WorkingCalendar;
  /** The desk that receives the file, for an action that starts the clock. */
  receivingAgencyId: string | null;
  /** For `assign`: whether the assignee is an active clerk of the competent agency. */
  assigneeAssignable?: boolean;
  /** The procedure's process and the holding agencies' calendars, when it has steps. */
  process?: ProcessContext;
  /** The acting member of staff: their id and their own agency (a step's unit is an agency and a role). */
  actor?: { id: string; agencyId: string | null };
  /** For `forward` with `assigneeId`: that person as found (null: nobody by that id). */
  stepAssignee?: { agencyId: string | null; role: string; active: boolean } | null;
}

/** Why an action is refused, in the order they are checked (docs/applications.md, "Rules chosen"). */
export type Refusal =
  /** The file is not among those the actor may act on: answered as if it did not exist. */
  | { reason: 'not_theirs' }
  | { reason: 'role'; role: ActorRole }
  | { reason: 'version'; version: number }
  | { reason: 'state'; state: ApplicationState | null; possible: Action[] }
  /** `forward` from the last step of the process: there is no step to go to. */
  | { reason: 'last_step'; step: number }
  /** The fee is unpaid and due by this action (docs/payments.md, "When the fee is due"). */
  | { reason: 'fee_unpaid'; feeDue: FeeDue }
  | { reason: 'fields'; problems: FieldProblem[] };

export interface ApplicationChanges extends StepChanges {
  state: ApplicationState;
  submittedAt?: Date;
  receivingAgencyId?: string | null;
  receivedAt?: Date;
  dueAt?: Date;
  supplementRequestedAt?: Date | null;
  pausedMs?: number;
  assigneeId?: string;
  appointmentAt?: Date;
  paid?: boolean;
  signed?: boolean;
  outcome?: DecisionOutcome;
  decidedAt?: Date;
  closedAt?: Date;
}

export type EventData = { [field: string]: string | number | string[] };

/** The work that follows an action outside the request, in the order it is written to the outbox. */
export type FollowUp =
  | { kind: 'intake' }
  | { kind: 'issue_result' }
  | { kind: 'form'; form: FormKind }
  | { kind: 'notice'; notice: ApplicantNotice; form: FormKind | null }
  /** The file's two deadline checks for its new due time (see deadlineChecksFor), counted on its calendar. */
  | { kind: 'deadline_checks'; dueAt: Date }
  /** The check of the step just entered or resumed, when its due time has passed. */
  | { kind: 'step_deadline_check'; stepDueAt: Date; step: number };

export interface Decision {
  action: Action;
  channel: Channel;
  fromState: ApplicationState | null;
  changes: ApplicationChanges;
  /** The file's version once the action is recorded. */
  version: number;
  data: EventData;
  followUps: FollowUp[];
}

const NO_RELATION: ActorRelation = { isApplicant: false, inAgencyScope: false };

/**
 * Decides an action by its row of the action table: refuses it (whose file, role, version, state, then
 * fields), or
 * gives what it changes on the file, what its event records and the work that follows.
 */
export function decide(
  action: Action,
  facts: ApplicationFacts,
  request: ActionFields,
  context: DecisionContext,
): { refused: Refusal } | { decided: Decision } {
  const rule = ACTION_TABLE[action];
  if (!reachesFile(action, context.role, facts.state, context.actorRelation ?? NO_RELATION)) {
    return { refused: { reason: 'not_theirs' } };
  }
  if (!mayTake(action, context.role)) return { refused: { reason: 'role', role: context.role } };
  if (request.version !== undefined && request.version !== facts.version) {
    return { refused: { reason: 'version', version: facts.version } };
  }
  if (!isActionPossible(action, facts)) {
    return { refused: { reason: 'state', state: facts.state, possible: possibleActions(facts) } };
  }
  // The import replays histories as they happened, paid or not.
  const feeDue = context.procedure.feeDue ?? DEFAULT_FEE_DUE;
  if (context.role !== 'import' && waitsForFee(action, facts, feeDue)) {
    return { refused: { reason: 'fee_unpaid', feeDue } };
  }
  const stepRefusal = refusalAtStep(rule, facts, context);
  if (stepRefusal) return { refused: stepRefusal };
  const { channel, problems } = checkActionFields(action, context.role, request, context.now);
  if (action === 'assign' && request.assigneeId && context.assigneeAssignable === false) {
    problems.push({ field: 'assigneeId', problems: ['must be an active clerk of the competent agency'] });
  }
  problems.push(...stepFieldProblems(rule, facts, request, context));
  if (problems.length > 0) return { refused: { reason: 'fields', problems } };
  const changes = changesOf(rule, facts, request, context);
  changes.state = stateAfter(action, facts.state);
  const version = facts.version + 1;
  const data = eventDataOf(rule, request, changes, context.procedure.requiredDocuments);
  Object.assign(data, stepEventData(rule, facts, changes, context));
  const after = { ...facts, ...changes, version };
  return {
    decided: {
      action,
      channel,
      fromState: facts.state,
      changes,
      version,
      data,
      followUps: followUpsOf(action, rule, channel, after, data),
    },
  };
}

/**
 * The field rules every action follows, live or imported: no action field its row does not take, the
 * fields it requires, the channel the actor records it with, the fields required online, and a time
 * that must be later than the action.
 */
export function checkActionFields(
  action: Action,
  role: ActorRole,
  fields: ActionFields,
  at: Date,
): { channel: Channel; problems: FieldProblem[] } {
  const rule = ACTION_TABLE[action];
  const taken = fieldsTaken(action);
  const problems: FieldProblem[] = ACTION_FIELDS.filter(
    (field) => !taken.includes(field) && isPresent(fields[field]),
  ).map((field) => ({ field, problems: [`${field} is not taken by ${action}`] }));
  problems.push(
    ...rule.requires
      .filter((field) => fields[field] === undefined)
      .map((field) => ({ field, problems: [`${field} is required for ${action}`] })),
  );
  const forced = forcedChannel(rule, role);
  if (forced && fields.channel && fields.channel !== forced) {
    problems.push({ field: 'channel', problems: [`a ${role} records ${action} ${forced}`] });
  }
  const channel = forced ?? fields.channel ?? 'online';
  const requiredOnChannel =
    channel === 'online' ? rule.requiresOnline : role === 'import' ? [] : rule.requiresOffline;
  for (const field of requiredOnChannel ?? []) {
    if (!fields[field]) {
      problems.push({
        field,
        problems: [
          `${field} is required for ${channel === 'online' ? 'an online' : 'an offline'} ${nounOf(action)}${OFFLINE_MEANING[field] && channel === 'offline' ? OFFLINE_MEANING[field] : ''}`,
        ],
      });
    }
  }
  const future = rule.inFuture;
  if (future && fields[future] && new Date(fields[future] as string) <= at) {
    problems.push({ field: future, problems: [`the new ${nounOf(action, future)} must be in the future`] });
  }
  return { channel, problems };
}

/** Whether a field was given: an empty text or list is a field left blank. */
const isPresent = (value: string | string[] | number | undefined | null): boolean =>
  value !== undefined && value !== null && (typeof value === 'number' || value.length > 0);

/** What a field required offline stands for at the counter, in messages. */
const OFFLINE_MEANING: { readonly [F in ActionField]?: string } = { reference: ': the cash receipt number' };

/** How the rules name what an action or its field is, in messages. */
function nounOf(action: Action, field?: ActionField): string {
  if (field === 'appointmentAt') return 'appointment';
  return action === 'pay' ? 'payment' : action;
}

/**
 * The channel an action is recorded with (docs/applications.md, "Channels"): its row's `always`; then
 * citizens and OneGate act online; then its row's channel for a clerk; otherwise the actor says.
 */
function forcedChannel(rule: ActionRule, role: ActorRole): Channel | null {
  if (rule.channel?.always) return rule.channel.always;
  if (role === 'citizen' || role === 'system') return 'online';
  if (role === 'clerk' && rule.channel?.clerk) return rule.channel.clerk;
  return null;
}

function changesOf(
  rule: ActionRule,
  facts: ApplicationFacts,
  request: ActionFields,
  context: DecisionContext,
): ApplicationChanges {
  const { now, procedure, calendar } = context;
  const changes = {} as ApplicationChanges;
  if (rule.stamps) changes[rule.stamps] = now;
  if (rule.sets) Object.assign(changes, rule.sets);
  if (rule.keeps === 'assigneeId') changes.assigneeId = request.assigneeId!;
  if (rule.keeps === 'appointmentAt') changes.appointmentAt = new Date(request.appointmentAt!);
  switch (rule.clock) {
    case 'start':
      changes.receivingAgencyId = context.receivingAgencyId;
      changes.receivedAt = now;
      changes.dueAt = dueAtOnReception(calendar, now, procedure.processingHours);
      break;
    case 'pause':
      changes.supplementRequestedAt = now;
      break;
    case 'resume': {
      const outcome = dueAtAfterSupplement(
        calendar,
        procedure.supplementPolicy,
        { dueAt: facts.dueAt!, processingHours: procedure.processingHours },
        facts.supplementRequestedAt!,
        now,
      );
      changes.dueAt = outcome.dueAt;
      changes.pausedMs = facts.pausedMs + Math.round(outcome.pausedHours * MS_PER_HOUR);
      changes.supplementRequestedAt = null;
      const step = currentStepOf(facts, context);
      if (step && facts.stepDueAt) {
        changes.stepDueAt = stepDueAfterSupplement(
          context.process!,
          step,
          procedure.supplementPolicy,
          facts.stepDueAt,
          facts.supplementRequestedAt!,
          now,
        );
      }
      break;
    }
  }
  Object.assign(changes, stepChangesOf(rule, facts, request, context));
  return changes;
}

/** The step of the process the file is at, if any. */
function currentStepOf(facts: ApplicationFacts, context: DecisionContext): ProcessStep | null {
  const position = facts.stepPosition ?? null;
  if (position === null) return null;
  if (!context.process) throw new Error("An action on a file at a step needs its procedure's process");
  return context.process.steps.find((step) => step.position === position) ?? null;
}

const stepAt = (context: DecisionContext, position: number): ProcessStep | null =>
  context.process?.steps.find((step) => step.position === position) ?? null;

/** `forward` from the last step has nowhere to go; `take_over` is for the current step's unit only. */
function refusalAtStep(rule: ActionRule, facts: ApplicationFacts, context: DecisionContext): Refusal | null {
  if (rule.step === 'next' && !stepAt(context, (facts.stepPosition ?? 0) + 1)) {
    return { reason: 'last_step', step: facts.stepPosition ?? 0 };
  }
  if (rule.step === 'hold' && context.role !== 'import' && !isOfStepUnit(facts, context)) {
    return { reason: 'role', role: context.role };
  }
  return null;
}

const isOfStepUnit = (facts: ApplicationFacts, context: DecisionContext): boolean =>
  context.actor !== undefined &&
  context.actor.agencyId === facts.stepAgencyId &&
  context.role === facts.stepRole;

/** A named person must be of the next step's unit; a step sent back to must come before the current one. */
function stepFieldProblems(
  rule: ActionRule,
  facts: ApplicationFacts,
  request: ActionFields,
  context: DecisionContext,
): FieldProblem[] {
  if (rule.step === 'next' && request.assigneeId && context.role !== 'import') {
    const next = stepAt(context, (facts.stepPosition ?? 0) + 1)!;
    const agencyId = next.holderAgencyId ?? context.process!.competentAgencyId;
    const person = context.stepAssignee;
    if (!person || !person.active || person.agencyId !== agencyId || person.role !== next.holderRole) {
      return [
        { field: 'assigneeId', problems: [`must be an active ${next.holderRole} of the next step's agency`] },
      ];
    }
  }
  if (rule.step === 'earlier' && request.step !== undefined) {
    const current = facts.stepPosition ?? 0;
    if (
      !Number.isInteger(request.step) ||
      request.step < 1 ||
      request.step >= current ||
      !stepAt(context, request.step)
    ) {
      return [
        { field: 'step', problems: [`must be the position of an earlier step, from 1 to ${current - 1}`] },
      ];
    }
  }
  return [];
}

/** The step columns the action sets: entering a step, or taking the current one over. */
function stepChangesOf(
  rule: ActionRule,
  facts: ApplicationFacts,
  request: ActionFields,
  context: DecisionContext,
): StepChanges {
  const process = context.process;
  switch (rule.step) {
    case 'first': {
      const first = process ? stepAt(context, 1) : null;
      return first ? enterStep(process!, first, context.now, null) : {};
    }
    case 'next':
      return enterStep(
        process!,
        stepAt(context, facts.stepPosition! + 1)!,
        context.now,
        request.assigneeId ?? null,
      );
    case 'earlier':
      return enterStep(process!, stepAt(context, request.step!)!, context.now, null);
    case 'hold':
      return { stepHolderId: context.actor?.id ?? null };
    default:
      return {};
  }
}

/**
 * What the event records of the step (docs/lifecycle.md, "Processing steps"): every step entered with
 * its name, unit and due time; the step taken over; the step's new due time after a supplement.
 */
function stepEventData(
  rule: ActionRule,
  facts: ApplicationFacts,
  changes: ApplicationChanges,
  context: DecisionContext,
): EventData {
  if (rule.step === 'hold') return { stepId: facts.stepId!, step: facts.stepPosition! };
  if (changes.stepPosition !== undefined) {
    const entered = stepAt(context, changes.stepPosition)!;
    return {
      stepId: entered.id,
      step: entered.position,
      stepName: entered.nameVi,
      stepAgencyId: changes.stepAgencyId!,
      stepRole: changes.stepRole!,
      stepDueAt: changes.stepDueAt!.toISOString(),
    };
  }
  if (changes.stepDueAt) {
    return { stepId: facts.stepId!, step: facts.stepPosition!, stepDueAt: changes.stepDueAt.toISOString() };
  }
  return {};
}

/** The action's own fields, then what its row records of the changes. */
function eventDataOf(
  rule: ActionRule,
  request: ActionFields,
  changes: ApplicationChanges,
  documents: readonly { name: string }[] | undefined,
): EventData {
  const data: EventData = {};
  if (request.reason) data.reason = request.reason;
  if (request.missingDocuments) {
    data.missingDocuments = request.missingDocuments;
    if (documents) {
      const names = documents.map((document) => document.name);
      data.procedureDocuments = procedureDocumentsAmong(request.missingDocuments, names);
    }
  }
  if (request.appointmentAt) data.appointmentAt = new Date(request.appointmentAt).toISOString();
  if (request.reference) data.reference = request.reference;
  if (request.assigneeId) data.assigneeId = request.assigneeId;
  if (request.opinion) data.opinion = request.opinion;
  if (request.amountDue !== undefined) data.amountDue = request.amountDue;
  for (const field of rule.records ?? []) {
    const value = changes[field];
    if (value !== undefined) data[field] = value instanceof Date ? value.toISOString() : value;
  }
  return data;
}

function followUpsOf(
  action: Action,
  rule: ActionRule,
  channel: Channel,
  after: ApplicationFacts,
  data: EventData,
): FollowUp[] {
  const followUps: FollowUp[] = [];
  if (rule.then === 'intake') followUps.push({ kind: 'intake' });
  if (rule.then === 'issue_result_online' && channel === 'online') followUps.push({ kind: 'issue_result' });
  const form = rule.document ?? null;
  if (form) followUps.push({ kind: 'form', form });
  const notice = applicantNotice(action, channel, after, rule.quotes ? { data } : null);
  if (notice) followUps.push({ kind: 'notice', notice, form });
  const clockRuns = rule.clock === 'start' || rule.clock === 'resume';
  if (clockRuns && after.dueAt) followUps.push({ kind: 'deadline_checks', dueAt: after.dueAt });
  if (typeof data.stepDueAt === 'string' && typeof data.step === 'number') {
    followUps.push({ kind: 'step_deadline_check', stepDueAt: new Date(data.stepDueAt), step: data.step });
  }
  return followUps;
}
