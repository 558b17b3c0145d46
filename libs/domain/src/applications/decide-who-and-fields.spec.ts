import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import type { ActorRelation } from './action-table';
import { fieldsTaken } from './action-table';
import type { ActionFields, ApplicationFacts, DecisionContext } from './decide';
import { decide } from './decide';
import type { Action, ActorRole, ApplicationState } from './lifecycle';

const NOW = new Date('2026-11-23T02:00:00Z');

const facts = (state: ApplicationState, extra: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  id: 'app-1',
  version: 3,
  state,
  signed: false,
  paid: false,
  applicantId: 'citizen-1',
  applicantEmail: null,
  receivedAt: state === 'draft' || state === 'submitted' ? null : NOW,
  dueAt: state === 'draft' || state === 'submitted' ? null : NOW,
  supplementRequestedAt: null,
  pausedMs: 0,
  outcome: null,
  decidedAt: null,
  closedAt: null,
  appointmentAt: null,
  ...extra,
});

const context = (role: ActorRole, actorRelation?: ActorRelation): DecisionContext => ({
  role,
  ...(actorRelation ? { actorRelation } : {}),
  now: NOW,
  procedure: { processingHours: 40, supplementPolicy: 'pause' },
  calendar: createVietnamWorkingCalendar(),
  receivingAgencyId: 'desk-1',
  assigneeAssignable: true,
});

const THEIRS = { isApplicant: true, inAgencyScope: true, isConsulted: false };
const STRANGER = { isApplicant: false, inAgencyScope: false, isConsulted: false };

const refusalOf = (
  action: Action,
  state: ApplicationState,
  role: ActorRole,
  relation?: ActorRelation,
  request: ActionFields = {},
) => {
  const outcome = decide(action, facts(state), request, context(role, relation));
  return 'refused' in outcome ? outcome.refused : null;
};

describe('decide: whose file it is', () => {
  it('lets a citizen act only on their own file, and answers another file as missing before the role', () => {
    expect(refusalOf('withdraw', 'submitted', 'citizen', THEIRS)).toBeNull();
    expect(
      refusalOf('withdraw', 'submitted', 'citizen', {
        isApplicant: false,
        inAgencyScope: true,
        isConsulted: false,
      }),
    ).toEqual({ reason: 'not_theirs' });
    expect(refusalOf('approve', 'received', 'citizen', STRANGER)).toEqual({ reason: 'not_theirs' });
    expect(refusalOf('approve', 'received', 'citizen', THEIRS)).toEqual({ reason: 'role', role: 'citizen' });
  });

  it('lets staff act on sent files of their agency scope only; a draft is beyond them', () => {
    const inScope = { isApplicant: false, inAgencyScope: true, isConsulted: false };
    expect(refusalOf('receive', 'submitted', 'clerk', inScope)).toBeNull();
    expect(refusalOf('receive', 'submitted', 'clerk', STRANGER)).toEqual({ reason: 'not_theirs' });
    expect(refusalOf('pay', 'draft', 'clerk', inScope)).toEqual({ reason: 'not_theirs' });
    expect(refusalOf('assign', 'received', 'supervisor', inScope, { assigneeId: 'clerk-1' })).toBeNull();
    expect(refusalOf('approve', 'received', 'supervisor', STRANGER)).toEqual({ reason: 'not_theirs' });
    expect(refusalOf('approve', 'received', 'admin', inScope)).toEqual({ reason: 'role', role: 'admin' });
    expect(refusalOf('approve', 'draft', 'admin', inScope)).toEqual({ reason: 'not_theirs' });
  });

  it('lets OneGate and the import act on any file, and reaches no file for a user whose relation is not given', () => {
    const signable = decide('sign', facts('decided', { outcome: 'approved' }), {}, context('system'));
    expect(signable).toHaveProperty('decided');
    expect(refusalOf('approve', 'received', 'import')).toBeNull();
    expect(refusalOf('approve', 'received', 'clerk')).toEqual({ reason: 'not_theirs' });
  });
});

describe('decide: the fields an action takes', () => {
  const clerk = (action: Action, state: ApplicationState, request: ActionFields) =>
    refusalOf(action, state, 'clerk', THEIRS, request);

  it('refuses an action field its row does not take, naming it', () => {
    expect(clerk('approve', 'received', { assigneeId: 'clerk-1' })).toEqual({
      reason: 'fields',
      problems: [{ field: 'assigneeId', problems: ['assigneeId is not taken by approve'] }],
    });
    expect(
      clerk('receive', 'submitted', { appointmentAt: '2026-12-01T02:00:00Z', reference: 'R-1' }),
    ).toEqual({
      reason: 'fields',
      problems: [
        { field: 'appointmentAt', problems: ['appointmentAt is not taken by receive'] },
        { field: 'reference', problems: ['reference is not taken by receive'] },
      ],
    });
  });

  it('takes what a row requires or takes besides, and counts an empty field as not sent', () => {
    expect(fieldsTaken('extend')).toEqual(['reason', 'appointmentAt']);
    expect(fieldsTaken('pay')).toEqual(['reference']);
    expect(fieldsTaken('approve')).toEqual(['reason']);
    expect(fieldsTaken('withdraw')).toEqual([]);
    expect(clerk('approve', 'received', { reason: 'Theo quy định', channel: 'offline' })).toBeNull();
    expect(clerk('pay', 'received', { reference: 'BL-7' })).toBeNull();
    expect(clerk('receive', 'submitted', { reason: '', missingDocuments: [] })).toBeNull();
  });

  it('refuses foreign fields in imported events as well', () => {
    expect(refusalOf('sign', 'decided', 'import', undefined, { reason: 'x' })).toEqual({
      reason: 'fields',
      problems: [{ field: 'reason', problems: ['reason is not taken by sign'] }],
    });
  });
});

describe('decide: a supplement request item by item', () => {
  it('records which items are the procedure documents beside the texts asked for', () => {
    const withDocuments: DecisionContext = {
      ...context('clerk', THEIRS),
      procedure: {
        processingHours: 40,
        supplementPolicy: 'pause',
        requiredDocuments: [{ name: 'Bản sao CCCD' }, { name: 'Giấy đề nghị' }],
      },
    };
    const request = { reason: 'Ảnh mờ', missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà'] };
    const outcome = decide('request_supplement', facts('in_progress'), request, withDocuments);
    expect('decided' in outcome && outcome.decided.data).toEqual({
      reason: 'Ảnh mờ',
      missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà'],
      procedureDocuments: ['Bản sao CCCD'],
    });
  });
});
