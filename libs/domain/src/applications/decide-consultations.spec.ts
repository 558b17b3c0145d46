import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import type { ActorRelation } from './action-table';
import type { ActionFields, ApplicationFacts, DecisionContext } from './decide';
import { decide } from './decide';
import type { Action, ActorRole, ApplicationState } from './lifecycle';

const NOW = new Date('2026-11-23T02:00:00Z');
const DUE = new Date('2026-11-27T10:00:00Z');
const COMPETENT = 'agency-hl';
const JUSTICE = 'agency-stp';
const CONSTRUCTION = 'agency-sxd';

const facts = (state: ApplicationState): ApplicationFacts => ({
  id: 'app-1',
  version: 4,
  state,
  signed: false,
  paid: true,
  applicantId: 'citizen-1',
  applicantEmail: null,
  receivedAt: NOW,
  dueAt: DUE,
  supplementRequestedAt: state === 'supplement_requested' ? NOW : null,
  pausedMs: 0,
  outcome: state === 'decided' ? 'approved' : null,
  decidedAt: state === 'decided' ? NOW : null,
  closedAt: null,
  appointmentAt: null,
});

const IN_SCOPE: ActorRelation = { isApplicant: false, inAgencyScope: true, isConsulted: false };
const CONSULTED: ActorRelation = { isApplicant: false, inAgencyScope: false, isConsulted: true };
const STRANGER: ActorRelation = { isApplicant: false, inAgencyScope: false, isConsulted: false };

const context = (
  role: ActorRole,
  actorRelation: ActorRelation,
  extra: Partial<DecisionContext> = {},
): DecisionContext => ({
  role,
  actorRelation,
  now: NOW,
  procedure: { processingHours: 24, supplementPolicy: 'pause' },
  calendar: createVietnamWorkingCalendar(),
  receivingAgencyId: COMPETENT,
  consultable: { existingAgencyIds: [COMPETENT, JUSTICE, CONSTRUCTION], competentAgencyId: COMPETENT },
  consultation: { answeredAt: null },
  ...extra,
});

const ASK: ActionFields = {
  agencyIds: [JUSTICE, CONSTRUCTION],
  reason: 'Is the shop front within the road widening?',
  answerDueAt: '2026-11-24T10:00:00Z',
};
const ANSWER: ActionFields = { consultationId: 'consultation-1', opinion: 'Outside the widening.' };

const outcomeOf = (action: Action, state: ApplicationState, request: ActionFields, ctx: DecisionContext) =>
  decide(action, facts(state), request, ctx);

describe('decide: consult', () => {
  it('keeps the state and the due time, records the agencies, question and answer due time, and schedules the check', () => {
    for (const state of ['received', 'in_progress', 'supplement_requested'] as const) {
      const outcome = outcomeOf('consult', state, ASK, context('clerk', IN_SCOPE));
      if (!('decided' in outcome)) throw new Error(JSON.stringify(outcome));
      expect(outcome.decided.changes).toEqual({ state });
      expect(outcome.decided.data).toEqual({
        reason: ASK.reason,
        agencyIds: [JUSTICE, CONSTRUCTION],
        answerDueAt: '2026-11-24T10:00:00.000Z',
      });
      expect(outcome.decided.followUps).toEqual([
        { kind: 'consultation_check', answerDueAt: new Date('2026-11-24T10:00:00Z') },
      ]);
    }
  });

  it('is not taken on a decided file, nor by a supervisor, nor on a file outside the scope', () => {
    expect(outcomeOf('consult', 'decided', ASK, context('clerk', IN_SCOPE))).toMatchObject({
      refused: { reason: 'state' },
    });
    expect(outcomeOf('consult', 'received', ASK, context('supervisor', IN_SCOPE))).toEqual({
      refused: { reason: 'role', role: 'supervisor' },
    });
    expect(outcomeOf('consult', 'received', ASK, context('clerk', STRANGER))).toEqual({
      refused: { reason: 'not_theirs' },
    });
  });

  it('refuses no agency, an unknown agency, the competent agency and a due time not after the action, naming the fields', () => {
    const problemsOf = (request: ActionFields) => {
      const outcome = outcomeOf('consult', 'received', { ...ASK, ...request }, context('clerk', IN_SCOPE));
      return 'refused' in outcome && outcome.refused.reason === 'fields' ? outcome.refused.problems : [];
    };
    expect(problemsOf({ agencyIds: [] })).toEqual([
      { field: 'agencyIds', problems: ['must name at least one agency'] },
    ]);
    expect(problemsOf({ agencyIds: [JUSTICE, 'agency-nowhere', COMPETENT] })).toEqual([
      { field: 'agencyIds', problems: ['no agency agency-nowhere', "is the file's own competent agency"] },
    ]);
    expect(problemsOf({ answerDueAt: NOW.toISOString() })).toEqual([
      { field: 'answerDueAt', problems: ['the new answer due time must be in the future'] },
    ]);
    expect(problemsOf({ answerDueAt: undefined, agencyIds: undefined }).map((each) => each.field)).toEqual([
      'agencyIds',
      'answerDueAt',
    ]);
  });
});

describe('decide: answer_consultation', () => {
  it('lets a consulted clerk or supervisor answer from reception to the decision, leaving the state alone', () => {
    for (const state of ['received', 'in_progress', 'supplement_requested', 'decided'] as const) {
      for (const role of ['clerk', 'supervisor'] as const) {
        const outcome = outcomeOf('answer_consultation', state, ANSWER, context(role, CONSULTED));
        if (!('decided' in outcome)) throw new Error(JSON.stringify(outcome));
        expect(outcome.decided.changes).toEqual({ state });
        expect(outcome.decided.data).toEqual({ consultationId: 'consultation-1', opinion: ANSWER.opinion });
        expect(outcome.decided.followUps).toEqual([]);
      }
    }
  });

  it('requires the consultation and the opinion', () => {
    const outcome = outcomeOf('answer_consultation', 'received', {}, context('clerk', CONSULTED));
    expect(outcome).toEqual({
      refused: {
        reason: 'fields',
        problems: [
          { field: 'consultationId', problems: ['consultationId is required for answer_consultation'] },
          { field: 'opinion', problems: ['opinion is required for answer_consultation'] },
        ],
      },
    });
  });

  it('answers a consultation of another agency as missing, and one answered already as a conflict', () => {
    expect(
      outcomeOf(
        'answer_consultation',
        'received',
        ANSWER,
        context('clerk', CONSULTED, { consultation: null }),
      ),
    ).toEqual({ refused: { reason: 'no_consultation' } });
    const answered = context('supervisor', IN_SCOPE, { consultation: { answeredAt: NOW } });
    expect(outcomeOf('answer_consultation', 'received', ANSWER, answered)).toEqual({
      refused: { reason: 'consultation_answered' },
    });
  });

  it('hides the file from an agency not consulted, and refuses a consulted one every other action', () => {
    expect(outcomeOf('answer_consultation', 'received', ANSWER, context('clerk', STRANGER))).toEqual({
      refused: { reason: 'not_theirs' },
    });
    expect(outcomeOf('approve', 'received', {}, context('clerk', CONSULTED))).toEqual({
      refused: { reason: 'role', role: 'clerk' },
    });
    expect(outcomeOf('consult', 'received', ASK, context('clerk', CONSULTED))).toEqual({
      refused: { reason: 'role', role: 'clerk' },
    });
    // On a draft nobody but its applicant reaches the file, consulted or not.
    expect(outcomeOf('answer_consultation', 'draft', ANSWER, context('clerk', CONSULTED))).toEqual({
      refused: { reason: 'not_theirs' },
    });
  });
});
