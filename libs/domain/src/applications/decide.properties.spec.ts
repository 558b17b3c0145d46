import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import type { ActorRelation, Reach, WhoseFiles } from './action-table';
import {
  ACTION_TABLE,
  actorsOf,
  fieldsTaken,
  FILES_REACHED,
  isActionPossible,
  mayTake,
  possibleActions,
} from './action-table';
import type { ActionFields, ApplicationFacts, Decision, DecisionContext, Refusal } from './decide';
import { decide } from './decide';
import type { FeeDue } from './fee-due';
import { FEE_DUE_MOMENTS, waitsForFee } from './fee-due';
import type { Action, ActorRole, ApplicationState } from './lifecycle';
import { ACTION_FIELDS, ACTIONS, APPLICATION_STATES, CLOCK_RUNNING_STATES } from './lifecycle';

const calendar = createVietnamWorkingCalendar();
const ROLES: readonly ActorRole[] = ['citizen', 'clerk', 'supervisor', 'admin', 'system', 'import'];
const HOUR = 3_600_000;
const START = new Date('2026-11-23T02:00:00Z');

/** One step of a random story: either a well-formed permitted action, or anything at all. */
const step = fc.record({
  wellFormed: fc.boolean(),
  pick: fc.nat(),
  rolePick: fc.nat(),
  hoursLater: fc.integer({ min: 0, max: 200 }),
  fields: fc.subarray([...ACTION_FIELDS]),
  channel: fc.constantFrom(undefined, 'online', 'offline' as const),
  version: fc.constantFrom('current', 'stale', 'none'),
  pastAppointment: fc.boolean(),
  assignable: fc.boolean(),
  isApplicant: fc.boolean(),
  inAgencyScope: fc.boolean(),
  isConsulted: fc.boolean(),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const story = fc.record({
  opensAtCounter: fc.boolean(),
  paid: fc.boolean(),
  hasAccount: fc.boolean(),
  processingHours: fc.constantFrom(8, 24, 120),
  supplementPolicy: fc.constantFrom('pause' as const, 'restart' as const),
  feeDue: fc.constantFrom(...FEE_DUE_MOMENTS),
  steps: fc.array(step, { maxLength: 14 }),
});

function firstFacts(opensAtCounter: boolean, paid: boolean, hasAccount: boolean): ApplicationFacts {
  return {
    id: 'app-1',
    version: opensAtCounter ? 0 : 1,
    state: opensAtCounter ? null : 'draft',
    signed: false,
    paid,
    applicantId: hasAccount ? 'citizen-1' : null,
    applicantEmail: 'a@example.vn',
    receivedAt: null,
    dueAt: null,
    supplementRequestedAt: null,
    pausedMs: 0,
    outcome: null,
    decidedAt: null,
    closedAt: null,
    appointmentAt: null,
  };
}

function fieldsOf(names: readonly string[], now: Date, pastAppointment: boolean): ActionFields {
  const values: ActionFields = {
    reason: 'Ảnh mờ',
    missingDocuments: ['CCCD'],
    appointmentAt: new Date(now.getTime() + (pastAppointment ? -HOUR : 72 * HOUR)).toISOString(),
    reference: 'PAY-1',
    assigneeId: '00000000-0000-4000-8000-000000000001',
    agencyIds: ['00000000-0000-4000-8000-000000000002'],
    answerDueAt: new Date(now.getTime() + (pastAppointment ? -HOUR : 24 * HOUR)).toISOString(),
    consultationId: '00000000-0000-4000-8000-000000000003',
    opinion: 'Đồng ý',
  };
  return Object.fromEntries(names.map((name) => [name, values[name as keyof ActionFields]]));
}

/** The kinds of files a reach names. */
const kindsOf = (reach: Reach): readonly WhoseFiles[] => (typeof reach === 'string' ? [reach] : reach);

/** The action, actor and request of a step, given the file as it stands. */
function requestOf(step: Step, facts: ApplicationFacts, now: Date) {
  const possible = facts.state === null ? (['register_counter'] as Action[]) : possibleActions(facts);
  if (step.wellFormed && possible.length > 0) {
    const action = possible[step.pick % possible.length]!;
    // Staff reach a file once it is sent: on a draft only its applicant acts.
    const actors = actorsOf(action).filter(
      (role) =>
        facts.state !== 'draft' ||
        kindsOf(ACTION_TABLE[action].takenBy[role]!).some((kind) => kind === 'own' || kind === 'any'),
    );
    const role = actors[step.rolePick % actors.length]!;
    const fields = [...ACTION_TABLE[action].requires, ...(ACTION_TABLE[action].requiresOnline ?? [])];
    const relation = { isApplicant: true, inAgencyScope: true, isConsulted: true };
    return { action, role, relation, request: fieldsOf(fields, now, false), assignable: true };
  }
  const request: ActionFields = {
    ...fieldsOf(step.fields, now, step.pastAppointment),
    ...(step.channel ? { channel: step.channel } : {}),
    ...(step.version === 'none' ? {} : { version: facts.version - (step.version === 'stale' ? 1 : 0) }),
  };
  return {
    action: ACTIONS[step.pick % ACTIONS.length]!,
    role: ROLES[step.rolePick % ROLES.length]!,
    relation: {
      isApplicant: step.isApplicant,
      inAgencyScope: step.inAgencyScope,
      isConsulted: step.isConsulted,
    },
    request,
    assignable: step.assignable,
  };
}

/** The refusal the documented order of checks (docs/applications.md, "Rules chosen") calls for, if any. */
function expectedRefusal(
  action: Action,
  role: ActorRole,
  relation: ActorRelation,
  facts: ApplicationFacts,
  request: ActionFields,
  feeDue: FeeDue,
): Refusal['reason'] | 'fields or none' {
  const whose = ACTION_TABLE[action].takenBy[role] ?? FILES_REACHED[role];
  const sent = facts.state !== 'draft';
  const reached: { readonly [W in WhoseFiles]: boolean } = {
    any: true,
    own: relation.isApplicant,
    agency: sent && relation.inAgencyScope,
    step: sent && relation.holdsStep === true,
    consulted: sent && relation.isConsulted === true,
  };
  const among = (reach: Reach) => kindsOf(reach).some((kind) => reached[kind]);
  const theirs = among(whose);
  // One who sees the file (a consulted agency too) is refused by role what the row does not let them do.
  const seen = among(FILES_REACHED[role]) || (reached.consulted && !relation.inAgencyScope);
  if (!theirs) return seen ? 'role' : 'not_theirs';
  if (role !== 'import' && !actorsOf(action).includes(role)) return 'role';
  if (request.version !== undefined && request.version !== facts.version) return 'version';
  if (!isActionPossible(action, facts)) return 'state';
  if (role !== 'import' && waitsForFee(action, facts, feeDue)) return 'fee_unpaid';
  return 'fields or none';
}

/** The action fields sent that the action's row does not take. */
const foreignFields = (action: Action, request: ActionFields) =>
  ACTION_FIELDS.filter((field) => request[field] !== undefined && !fieldsTaken(action).includes(field));

/** What the table says of every state a story can reach. */
function expectReachable(facts: ApplicationFacts): void {
  const state = facts.state as ApplicationState;
  expect(APPLICATION_STATES).toContain(state);
  if (state !== 'draft' && state !== 'submitted' && state !== 'refused' && state !== 'withdrawn') {
    expect(facts.receivedAt).not.toBeNull();
    expect(facts.dueAt).not.toBeNull();
  }
  if (CLOCK_RUNNING_STATES.includes(state)) expect(facts.supplementRequestedAt).toBeNull();
  if (state === 'supplement_requested') expect(facts.supplementRequestedAt).not.toBeNull();
  if (state === 'decided' || state === 'returned') {
    expect(['approved', 'denied']).toContain(facts.outcome);
    expect(facts.decidedAt).not.toBeNull();
  } else {
    expect(facts.outcome).toBeNull();
    expect(facts.signed).toBe(false);
  }
  if (state === 'returned') expect(facts.signed).toBe(true);
  const closed = state === 'returned' || state === 'refused' || state === 'withdrawn';
  expect(facts.closedAt !== null).toBe(closed);
  if (closed) expect(possibleActions(facts)).toEqual([]);
  expect(facts.pausedMs).toBeGreaterThanOrEqual(0);
}

function expectFollowsItsRow(decision: Decision, before: ApplicationFacts): void {
  const rule = ACTION_TABLE[decision.action];
  expect(decision.fromState).toBe(before.state);
  expect(decision.changes.state).toBe(rule.to === 'same' ? before.state : rule.to);
  expect(decision.version).toBe(before.version + 1);
  const kinds = decision.followUps.map((followUp) => followUp.kind);
  expect(kinds.includes('form')).toBe(rule.document !== undefined);
  expect(kinds.includes('deadline_checks')).toBe(rule.clock === 'start' || rule.clock === 'resume');
  expect(kinds.includes('intake')).toBe(rule.then === 'intake');
  const noticed = rule.notice !== undefined && (!rule.notice.onlyOnline || decision.channel === 'online');
  expect(kinds.includes('notice')).toBe(noticed);
  for (const field of rule.records ?? []) expect(decision.data).toHaveProperty(field);
}

describe('decide over random stories', () => {
  it('keeps every reachable state as the table says, never throws, and refuses only for documented reasons', () => {
    fc.assert(
      fc.property(story, (generated) => {
        let facts = firstFacts(generated.opensAtCounter, generated.paid, generated.hasAccount);
        let now = START;
        const procedure = {
          processingHours: generated.processingHours,
          supplementPolicy: generated.supplementPolicy,
          feeDue: generated.feeDue,
        };
        for (const step of generated.steps) {
          now = new Date(now.getTime() + step.hoursLater * HOUR);
          const { action, role, relation, request, assignable } = requestOf(step, facts, now);
          const context: DecisionContext = {
            role,
            actorRelation: relation,
            now,
            procedure,
            calendar,
            receivingAgencyId: 'desk-1',
            assigneeAssignable: assignable,
          };
          const outcome = decide(action, facts, request, context);
          const expected = expectedRefusal(action, role, relation, facts, request, generated.feeDue);
          const foreign = foreignFields(action, request);
          if ('refused' in outcome) {
            expect(['not_theirs', 'role', 'version', 'state', 'fee_unpaid', 'fields']).toContain(
              outcome.refused.reason,
            );
            if (expected !== 'fields or none') expect(outcome.refused.reason).toBe(expected);
            else expect(outcome.refused.reason).toBe('fields');
            if (outcome.refused.reason === 'fields') {
              expect(outcome.refused.problems.length).toBeGreaterThan(0);
              for (const problem of outcome.refused.problems) {
                expect([...ACTION_FIELDS, 'channel']).toContain(problem.field);
              }
              for (const field of foreign) {
                expect(outcome.refused.problems).toContainEqual({
                  field,
                  problems: [`${field} is not taken by ${action}`],
                });
              }
            }
            continue;
          }
          expect(expected).toBe('fields or none');
          expect(foreign).toEqual([]);
          expect(mayTake(action, role)).toBe(true);
          expectFollowsItsRow(outcome.decided, facts);
          facts = { ...facts, ...outcome.decided.changes, version: outcome.decided.version };
          expectReachable(facts);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never refuses a well-formed action that the state and the role permit', () => {
    fc.assert(
      fc.property(story, (generated) => {
        let facts = firstFacts(generated.opensAtCounter, generated.paid, generated.hasAccount);
        let now = START;
        for (const step of generated.steps) {
          now = new Date(now.getTime() + step.hoursLater * HOUR);
          const { action, role, relation, request } = requestOf({ ...step, wellFormed: true }, facts, now);
          if (facts.state !== null && !isActionPossible(action, facts)) return; // nothing is possible any more
          const waits = role !== 'import' && waitsForFee(action, facts, generated.feeDue);
          const outcome = decide(action, facts, request, {
            role,
            actorRelation: relation,
            now,
            procedure: {
              processingHours: generated.processingHours,
              supplementPolicy: generated.supplementPolicy,
              feeDue: generated.feeDue,
            },
            calendar,
            receivingAgencyId: 'desk-1',
            assigneeAssignable: true,
          });
          if (waits) {
            // An unpaid fee holds the action back until it is paid (docs/payments.md).
            expect(outcome).toEqual({ refused: { reason: 'fee_unpaid', feeDue: generated.feeDue } });
            return;
          }
          expect(outcome).toHaveProperty('decided');
          const { decided } = outcome as { decided: Decision };
          facts = { ...facts, ...decided.changes, version: decided.version };
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
