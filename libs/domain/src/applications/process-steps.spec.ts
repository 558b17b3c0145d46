import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import type { ApplicationFacts, DecisionContext } from './decide';
import { decide } from './decide';
import type { ProcessStep } from './process-steps';
import { budgetsAddUp, processProblems } from './process-steps';

/** Monday 14 December 2026 is an ordinary working week in Viet Nam: times are local (UTC+7). */
const at = (local: string) => new Date(`${local}+07:00`);
const calendar = createVietnamWorkingCalendar();

const STEPS: ProcessStep[] = [
  { id: 's1', position: 1, nameVi: 'Tiếp nhận', holderAgencyId: null, holderRole: 'clerk', budgetHours: 4 },
  { id: 's2', position: 2, nameVi: 'Thẩm định', holderAgencyId: null, holderRole: 'clerk', budgetHours: 8 },
  { id: 's3', position: 3, nameVi: 'Thuế', holderAgencyId: 'tax', holderRole: 'clerk', budgetHours: 8 },
  { id: 's4', position: 4, nameVi: 'Ký', holderAgencyId: null, holderRole: 'supervisor', budgetHours: 4 },
];

const facts = (extra: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  id: 'app-1',
  version: 3,
  state: 'in_progress',
  signed: false,
  paid: true,
  applicantId: null,
  applicantEmail: null,
  receivedAt: at('2026-12-14T08:00:00'),
  dueAt: at('2026-12-16T17:00:00'),
  supplementRequestedAt: null,
  pausedMs: 0,
  outcome: null,
  decidedAt: null,
  closedAt: null,
  appointmentAt: null,
  stepId: 's2',
  stepPosition: 2,
  stepAgencyId: 'city',
  stepRole: 'clerk',
  stepHolderId: null,
  stepStartedAt: at('2026-12-14T09:00:00'),
  stepDueAt: at('2026-12-15T09:00:00'),
  ...extra,
});

const context = (now: string, extra: Partial<DecisionContext> = {}): DecisionContext => ({
  role: 'clerk',
  actorRelation: { isApplicant: false, inAgencyScope: true },
  now: at(now),
  procedure: { processingHours: 24, supplementPolicy: 'pause' },
  calendar,
  receivingAgencyId: 'city',
  process: {
    steps: STEPS,
    competentAgencyId: 'city',
    calendars: new Map([
      ['city', calendar],
      ['tax', calendar],
    ]),
  },
  actor: { id: 'clerk-1', agencyId: 'city' },
  ...extra,
});

const decided = (outcome: ReturnType<typeof decide>) => {
  if ('refused' in outcome) throw new Error(`refused: ${JSON.stringify(outcome.refused)}`);
  return outcome.decided;
};

describe('decide: the step actions', () => {
  it('enters step 1 at reception, its due time four working hours on', () => {
    const decision = decided(
      decide(
        'receive',
        facts({ state: 'submitted', stepPosition: null, stepId: null }),
        {},
        context('2026-12-14T10:00:00'),
      ),
    );
    // 10:00 + 2 h to noon, lunch, then 2 h: 15:00 the same day.
    expect(decision.data).toMatchObject({
      stepId: 's1',
      step: 1,
      stepName: 'Tiếp nhận',
      stepAgencyId: 'city',
      stepRole: 'clerk',
      stepDueAt: at('2026-12-14T15:00:00').toISOString(),
    });
    expect(decision.followUps).toContainEqual({
      kind: 'step_deadline_check',
      stepDueAt: at('2026-12-14T15:00:00'),
      step: 1,
    });
  });

  it('forwards to the transfer step, held by the other agency, with a named person of its unit', () => {
    const decision = decided(
      decide(
        'forward',
        facts(),
        { assigneeId: 'tax-clerk' },
        context('2026-12-14T16:00:00', { stepAssignee: { agencyId: 'tax', role: 'clerk', active: true } }),
      ),
    );
    // 16:00 + 1 h to 17:00, then 7 h of Tuesday: 16:00 on Tuesday.
    expect(decision.changes).toMatchObject({
      state: 'in_progress',
      stepPosition: 3,
      stepAgencyId: 'tax',
      stepHolderId: 'tax-clerk',
      stepDueAt: at('2026-12-15T16:00:00'),
    });
  });

  it('refuses a named person outside the next step unit, naming assigneeId', () => {
    const outcome = decide(
      'forward',
      facts(),
      { assigneeId: 'city-clerk' },
      context('2026-12-14T16:00:00', { stepAssignee: { agencyId: 'city', role: 'clerk', active: true } }),
    );
    expect(outcome).toMatchObject({ refused: { reason: 'fields', problems: [{ field: 'assigneeId' }] } });
  });

  it('answers the last step forward with last_step, and keeps a decided file decided', () => {
    const last = facts({ stepId: 's4', stepPosition: 4, stepRole: 'supervisor' });
    expect(decide('forward', last, {}, context('2026-12-14T16:00:00'))).toEqual({
      refused: { reason: 'last_step', step: 4 },
    });
    const decidedFile = decided(
      decide('forward', facts({ state: 'decided' }), {}, context('2026-12-14T16:00:00')),
    );
    expect(decidedFile.changes.state).toBe('decided');
  });

  it('sends back only to an earlier step, naming step', () => {
    for (const step of [2, 3, 0]) {
      expect(
        decide('send_back', facts(), { reason: 'lại', step }, context('2026-12-14T16:00:00')),
      ).toMatchObject({ refused: { reason: 'fields', problems: [{ field: 'step' }] } });
    }
    const back = decided(
      decide('send_back', facts(), { reason: 'lại', step: 1 }, context('2026-12-14T16:00:00')),
    );
    expect(back.changes).toMatchObject({ stepPosition: 1, stepDueAt: at('2026-12-15T11:00:00') });
    expect(back.changes.state).toBe('in_progress');
  });

  it('makes the actor of the step unit its holder on take_over, entering no step', () => {
    const taken = decided(decide('take_over', facts(), {}, context('2026-12-14T16:00:00')));
    expect(taken.changes).toEqual({ state: 'in_progress', stepHolderId: 'clerk-1' });
    expect(taken.data).toEqual({ stepId: 's2', step: 2 });
    const supervisor = decide(
      'take_over',
      facts(),
      {},
      context('2026-12-14T16:00:00', { role: 'supervisor', actor: { id: 'sup', agencyId: 'city' } }),
    );
    expect(supervisor).toEqual({ refused: { reason: 'role', role: 'supervisor' } });
  });

  it('lets staff of the agency holding the step forward it, and nothing else, outside their scope', () => {
    const atTax = facts({ stepId: 's3', stepPosition: 3, stepAgencyId: 'tax' });
    const taxClerk = { isApplicant: false, inAgencyScope: false, holdsStep: true };
    const forwarded = decided(
      decide(
        'forward',
        atTax,
        { opinion: 'Thuế 2%', amountDue: 1_250_000 },
        context('2026-12-14T16:00:00', { actorRelation: taxClerk, actor: { id: 't', agencyId: 'tax' } }),
      ),
    );
    expect(forwarded.data).toMatchObject({ opinion: 'Thuế 2%', amountDue: 1_250_000, step: 4 });
    expect(
      decide(
        'send_back',
        atTax,
        { reason: 'x', step: 1 },
        context('2026-12-14T16:00:00', { actorRelation: taxClerk }),
      ),
    ).toEqual({ refused: { reason: 'role', role: 'clerk' } });
  });

  it('pushes the step due time on by the working time a supplement paused it', () => {
    const waiting = facts({
      state: 'supplement_requested',
      supplementRequestedAt: at('2026-12-14T15:00:00'),
    });
    // Paused from Monday 15:00 to Tuesday 10:00: 2 + 2 = 4 working hours; 09:00 Tuesday + 4 h = 14:00.
    const resumed = decided(
      decide('supplement', waiting, { channel: 'offline' }, context('2026-12-15T10:00:00')),
    );
    expect(resumed.data).toMatchObject({
      stepId: 's2',
      step: 2,
      stepDueAt: at('2026-12-15T14:00:00').toISOString(),
    });
  });
});

describe('a process', () => {
  it('has budgets adding up to the time limit exactly when processProblems says nothing of the sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 2000 }),
        (budgets, limit) => {
          const steps = budgets.map((budgetHours) => ({ budgetHours, holderRole: 'clerk' }));
          const sum = budgets.reduce((total, hours) => total + hours, 0);
          expect(budgetsAddUp(steps, limit)).toBe(sum === limit);
          expect(processProblems(steps, limit).length === 0).toBe(sum === limit);
          expect(processProblems(steps, sum)).toEqual([]);
        },
      ),
    );
  });

  it('has no steps, or between 2 and 8', () => {
    expect(processProblems([], 24)).toEqual([]);
    expect(processProblems([{ budgetHours: 24, holderRole: 'clerk' }], 24)).toHaveLength(1);
  });
});
